import Foundation

extension Statistics {
    /// The retention windows, as (name, number of days ending today; nil for all time).
    public static let retentionWindows: [(name: String, days: Int?)] = [
        ("today", 1), ("yesterday", 1), ("7d", 7), ("30d", 30), ("365d", 365), ("all", nil),
    ]

    /// Computes every figure from the decks, the card records and the review log, as of `input.now`.
    ///
    /// One pass over the cards (states, retrievability, forecast, what is due) and one over the
    /// reviews (today, streak, retention, calendar, confusions); undone reviews count nowhere.
    /// With a filter, only the filtered cards and their reviews count; reviews of cards no deck
    /// holds count in the log's figures when nothing is filtered, and nowhere else.
    public static func compute(_ input: StatsInput) -> Statistics {
        let now = input.now
        let filter = input.filter
        var counter = DayCounter(input.days)
        let today = counter.dayNumber(of: now)
        let model = MemoryModel(parameters: input.settings.parameters)

        // The groups figures are summed in: each role of a domain in scope, then its shared cards.
        struct Group {
            var domain: Int
            var role: DeckRole?
            var figures = MasteryFigures()
        }
        var groups: [Group] = []
        var domainsInScope: [(deck: Deck, groups: Range<Int>)] = []
        var slots: [UTF8Key: Int] = [:]
        slots.reserveCapacity(input.decks.reduce(0) { $0 + $1.cards.count })
        var scopeCards: [Card] = []
        var groupOfSlot: [Int] = []

        for deck in input.decks {
            let domainIncluded = filter.domain.map { $0 == deck.domain.key } ?? true
            var roleGroup: [UTF8Key: Int] = [:]
            let first = groups.count
            if domainIncluded {
                for role in deck.domain.roles where filter.role.map({ $0 == role.key }) ?? true {
                    roleGroup[UTF8Key(role.key.rawValue)] = groups.count
                    groups.append(Group(domain: domainsInScope.count, role: role))
                }
                groups.append(Group(domain: domainsInScope.count, role: nil))
                domainsInScope.append((deck, first..<groups.count))
            }
            let sharedGroup = groups.count - 1
            for card in deck.cards {
                let key = UTF8Key(card.id)
                let included = domainIncluded && filter.includes(domain: deck.domain.key, role: card.role)
                // One hash per card: insert, and put back what was there if the id was seen already.
                if let earlier = slots.updateValue(included ? scopeCards.count : -1, forKey: key) {
                    slots[key] = earlier
                    continue
                }
                guard included else { continue }
                scopeCards.append(card)
                let group = card.role.flatMap { roleGroup[UTF8Key($0.rawValue)] } ?? sharedGroup
                groupOfSlot.append(group)
                groups[group].figures.cards += 1
            }
        }

        // Records by slot; records of cards no deck holds are counted, not used.
        var unknown = Set<UTF8Key>()
        var recordOfSlot = [CardRecord?](repeating: nil, count: scopeCards.count)
        for (id, record) in input.records {
            let key = UTF8Key(id)
            guard let slot = slots[key] else {
                unknown.insert(key)
                continue
            }
            if slot >= 0 { recordOfSlot[slot] = record }
        }

        var counts = StateCounts()
        var forecast = [Int](repeating: 0, count: forecastDays)
        var weak: [(retrievability: Double, slot: Int)] = []
        for slot in scopeCards.indices {
            let group = groupOfSlot[slot]
            guard let record = recordOfSlot[slot] else {
                counts.new += 1
                continue
            }
            let memory = record.card
            let buried = record.buriedUntil.map { $0 > now } ?? false
            if record.leech { counts.leeches += 1 }
            if record.suspended {
                counts.suspended += 1
            } else if buried {
                counts.buried += 1
            } else if memory.isNew {
                counts.new += 1
            } else {
                switch memory.state {
                case .learning: counts.learning += 1
                case .review: counts.review += 1
                case .relearning: counts.relearning += 1
                }
            }
            guard !memory.isNew, let stability = memory.stability, let lastReview = memory.lastReview else {
                continue
            }
            let lastDay = counter.dayNumber(of: lastReview)
            let retrievability = model.retrievability(elapsedDays: today - lastDay, stability: stability)
            groups[group].figures.seen += 1
            groups[group].figures.retrievabilitySum += retrievability
            if stability >= MasteryFigures.matureStability { groups[group].figures.mature += 1 }
            weak.append((retrievability, slot))
            guard !record.suspended else { continue }
            let dueDay = counter.dayNumber(of: memory.due)
            var shownDay = dueDay
            if buried, let until = record.buriedUntil { shownDay = max(shownDay, counter.dayNumber(of: until)) }
            let offset = max(0, shownDay - today)
            if offset < forecastDays { forecast[offset] += 1 }
        }

        // Cards the log names that no deck holds.
        let history = input.history
        let historySlots = history.cardIDs.map { id -> Int in
            let key = UTF8Key(id)
            if let slot = slots[key] { return slot }
            unknown.insert(key)
            return -2
        }

        let log = LogFigures(
            history: history, slots: historySlots, countUnknown: filter.isAll, today: today, scopeCards: scopeCards,
            confusionCount: input.confusionCount)

        // What is due now is what a study session of the scope would show: the one queue, with the
        // day's limits (which count what was studied in every deck today).
        let studied = StudyDays(days: input.days, counting: history.reviews).studied(onDay: today)
        var states: [CardID: CardRecord] = [:]
        for (slot, record) in recordOfSlot.enumerated() { if let record { states[scopeCards[slot].id] = record } }
        let order = CardOrder(scopeCards)
        let queue = DailyQueue(
            order: order, states: states, now: now, days: input.days, limits: input.settings.limits(onDay: today),
            studied: studied)
        let tomorrow = DailyQueue.nextDay(
            after: now, order: order, states: states, days: input.days, settings: input.settings)
        var day = log.day
        day.dueNow = queue.dueCount
        day.newLeft = queue.newCards.count
        day.heldBack = queue.heldBack
        day.limits = queue.dayLimits
        day.dueTomorrow = tomorrow.dueCount
        day.newTomorrow = tomorrow.newCards.count

        let domains = domainsInScope.map { entry in
            let members = groups[entry.groups]
            return DomainMastery(
                key: entry.deck.domain.key, number: entry.deck.domain.number, name: entry.deck.domain.name,
                branch: entry.deck.domain.branch,
                roles: members.compactMap { group in
                    group.role.map { RoleMastery(key: $0.key, name: $0.name, figures: group.figures) }
                },
                shared: members.last { $0.role == nil }?.figures ?? MasteryFigures())
        }

        let focusRoles = groups.compactMap { group -> FocusRole? in
            guard let role = group.role, let mean = group.figures.meanRetrievability else { return nil }
            return FocusRole(
                domain: domainsInScope[group.domain].deck.domain.key, key: role.key, name: role.name,
                meanRetrievability: mean, mastery: group.figures.mastery)
        }
        .sorted {
            ($0.meanRetrievability, $0.mastery, $0.name) < ($1.meanRetrievability, $1.mastery, $1.name)
        }

        var facts: [FocusFact] = []
        var seenFacts = Set<String>()
        weak.sort { ($0.retrievability, $0.slot) < ($1.retrievability, $1.slot) }
        for (retrievability, slot) in weak where facts.count < input.focusFacts {
            let card = scopeCards[slot]
            guard seenFacts.insert(card.factKey).inserted else { continue }
            let group = groups[groupOfSlot[slot]]
            facts.append(
                FocusFact(
                    card: card.id, kind: card.kind, prompt: card.prompt, context: card.context,
                    owner: group.role?.name ?? domainsInScope[group.domain].deck.domain.name,
                    answer: card.answers.first?.text ?? "", retrievability: retrievability,
                    lapses: recordOfSlot[slot]?.lapses ?? 0))
        }

        return Statistics(
            now: now, today: today, filter: filter, desiredRetention: input.settings.parameters.desiredRetention,
            day: day, streak: log.streak, domains: domains,
            focus: Focus(roles: Array(focusRoles.prefix(input.focusRoles)), facts: facts), counts: counts,
            retention: log.retention, forecast: forecast, calendarStart: log.calendarStart, calendar: log.calendar,
            confusions: log.confusions, totalReviews: log.totalReviews, unknownCards: unknown.count,
            laterReviews: history.futureReviews)
    }
}

/// The figures that come from the review log alone.
private struct LogFigures {
    var day = TodayFigures()
    var streak = Streak()
    var retention: [RetentionWindow] = []
    var calendarStart = 0
    var calendar: [Int] = []
    var confusions: [Confusion] = []
    var totalReviews = 0

    /// `slots[i]` is the scope index of `history.cardIDs[i]`: -1 out of scope, -2 in no deck.
    init(
        history: ReviewHistory, slots: [Int], countUnknown: Bool, today: Int, scopeCards: [Card], confusionCount: Int
    ) {
        func counts(_ event: ReviewEvent) -> Bool {
            guard !event.undone else { return false }
            let slot = slots[Int(event.card)]
            return slot >= 0 || (slot == -2 && countUnknown)
        }
        var firstDay = today
        for event in history.reviews where counts(event) { firstDay = min(firstDay, Int(event.day)) }
        let length = today - firstDay + 1
        var perDay = [Int](repeating: 0, count: length)
        var retained = [Int](repeating: 0, count: length)
        var retentionTotal = [Int](repeating: 0, count: length)
        var reviewedToday = [Bool](repeating: false, count: slots.count)
        // A confusion is a wrong option chosen on a card beside the right option(s) on screen.
        struct Pair: Hashable {
            var slot: Int
            var chosen: Int32
            var expected: String?
        }
        var pairCounts: [Pair: Int] = [:]

        for event in history.reviews where counts(event) {
            let index = Int(event.day) - firstDay
            guard index >= 0 && index < length else { continue }
            totalReviews += 1
            perDay[index] += 1
            if event.before == .review {
                retentionTotal[index] += 1
                if event.passed { retained[index] += 1 }
            }
            if index == length - 1 {
                day.reviews += 1
                if event.rating != .again { day.correct += 1 }
                day.timeMs += Int(event.durationMs)
                if event.before == .new { day.newCards += 1 }
                switch event.mode {
                case .ahead?: day.ahead += 1
                case .cram?: day.cram += 1
                case nil: break
                }
                if !reviewedToday[Int(event.card)] {
                    reviewedToday[Int(event.card)] = true
                    day.cards += 1
                }
            }
            let slot = slots[Int(event.card)]
            if event.chosen >= 0, slot >= 0 {
                // The right option the line records; a line from before that field names the card's
                // answer only when it has one (it was then the one shown), else none.
                let answers = scopeCards[slot].answers
                let expected =
                    event.right >= 0
                    ? history.optionTexts[Int(event.right)] : answers.count == 1 ? answers[0].text : nil
                pairCounts[Pair(slot: slot, chosen: event.chosen, expected: expected), default: 0] += 1
            }
        }

        streak = Streak(studyDays: perDay.indices.lazy.filter { perDay[$0] > 0 }.map { $0 + firstDay }, today: today)

        func sum(_ values: [Int], from start: Int, to end: Int) -> Int {
            let lower = max(0, start - firstDay)
            let upper = min(length - 1, end - firstDay)
            return lower > upper ? 0 : values[lower...upper].reduce(0, +)
        }
        retention = Statistics.retentionWindows.map { window in
            let end = window.name == "yesterday" ? today - 1 : today
            let start = window.days.map { end - $0 + 1 } ?? firstDay
            return RetentionWindow(
                window: window.name, passed: sum(retained, from: start, to: end),
                total: sum(retentionTotal, from: start, to: end))
        }

        calendarStart = today - DayCounter.weekday(ofDay: today) - (Statistics.calendarWeeks - 1) * 7
        calendar = (calendarStart...today).map { sum(perDay, from: $0, to: $0) }

        confusions =
            pairCounts.map { pair, count in
                let card = scopeCards[pair.slot]
                return Confusion(
                    card: card.id, prompt: card.prompt, context: card.context, expected: pair.expected,
                    chosen: history.optionTexts[Int(pair.chosen)], count: count)
            }
            .sorted {
                ($1.count, $0.card, $0.chosen, $0.expected ?? "") < ($0.count, $1.card, $1.chosen, $1.expected ?? "")
            }
            .prefix(confusionCount)
            .map { $0 }
    }
}
