import Foundation

/// Lays out roledeck's decks, and with progress each card's schedule and reviews, as an Anki
/// collection (`AnkiCollection`), so Anki continues where roledeck left off.
///
/// - One deck per domain under `AI 직무`, one note and one card per roledeck card (`ExportedNote`),
///   new cards in the order roledeck introduces them.
/// - With progress: a review card is due on the same study day (days counted from the collection's
///   creation, a day start); a card in its steps today is due at the same second, one in steps
///   that end on a later day on that day; Anki's learning steps left, interval, reps and lapses; the
///   FSRS memory state (stability, difficulty, desired retention, decay, last review) in `data`;
///   suspended cards suspended, buried cards buried, leeches tagged `leech`.
/// - Every review that stands (not taken back) becomes a `revlog` entry: its time, rating, the
///   interval it gave and the one before, the difficulty after it, the time taken, the state it was in.
/// - The deck options preset carries roledeck's steps, limits, retention and FSRS-6 weights.
///
/// Pure: `now` names the export (ids, modification times) and the day the collection may start on.
public enum AnkiExport {
    /// What the learner's progress holds for the export.
    public struct Progress: Sendable {
        /// Each studied card's record.
        public var records: [CardID: CardRecord]
        /// Each card's reviews that stand, oldest first.
        public var reviews: [CardID: [CardReview]]

        public init(records: [CardID: CardRecord], reviews: [CardID: [CardReview]]) {
            self.records = records
            self.reviews = reviews
        }
    }

    /// The note type's id: the same in every export, so importing again reuses the note type.
    public static let notetypeID = StableHash.id("roledeck notetype 1")
    /// The deck options preset's id, likewise.
    public static let deckConfigID = StableHash.id("roledeck deck options 1")
    /// Anki caps the time taken on an answer at a minute (its default `maxTaken`).
    static let longestAnswerMs = 60_000
    /// Anki's longest maximum interval, in days.
    static let longestInterval = 36_500

    /// The collection for `decks`; with `progress`, the cards keep their schedules and reviews.
    public static func collection(
        decks: [Deck], progress: Progress?, settings: StudySettings, days: DayConvention, now: Date
    ) throws(ExportError) -> AnkiCollection {
        let cards = IntroductionOrder.sorted(decks.flatMap(\.cards))
        guard !cards.isEmpty else { throw .nothingToExport }
        let nowMs = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let nowSeconds = nowMs / 1000
        let parameters = settings.parameters
        let scheduler = Scheduler(parameters: parameters, dayConvention: days)

        var deckOf: [DomainKey: (deck: Deck, id: Int64)] = [:]
        var ankiDecks = [AnkiDeck(id: nowMs, name: ExportedNote.rootDeck, description: "roledeck에서 내보낸 카드")]
        for deck in decks where deckOf[deck.domain.key] == nil && !deck.cards.isEmpty {
            let id = nowMs + Int64(ankiDecks.count)
            deckOf[deck.domain.key] = (deck, id)
            ankiDecks.append(
                AnkiDeck(
                    id: id, name: ExportedNote.deckName(of: deck),
                    description: ExportedNote.html(deck.domain.englishName ?? deck.domain.name)))
        }

        // The collection starts on the earliest day a due date counts from: today, or an overdue card's day.
        var firstDay = days.dayNumber(of: now)
        for card in cards {
            guard let record = progress?.records[card.id], !record.card.isNew else { continue }
            firstDay = min(firstDay, days.dayNumber(of: record.card.due))
        }
        let creation = days.start(ofDay: firstDay)

        var notes: [AnkiNote] = []
        var ankiCards: [AnkiCard] = []
        var reviews: [(at: Date, entry: AnkiRevlogEntry)] = []
        for (position, card) in cards.enumerated() {
            guard let deck = deckOf[card.domain] else { continue }
            let record = progress?.records[card.id]
            let note = ExportedNote(card: card, deck: deck.deck, leech: record?.leech ?? false)
            let id = nowMs + Int64(position)
            notes.append(AnkiNote(id: id, guid: note.guid, fields: note.fields, tags: note.tags, modified: nowSeconds))
            var ankiCard = AnkiCard(
                id: id, noteID: id, deckID: deck.id, modified: nowSeconds, type: 0, queue: 0, due: Int64(position + 1),
                interval: 0, factor: 0, reps: record?.reps ?? 0, lapses: record?.lapses ?? 0, left: 0, data: "")
            if let record, !record.card.isNew {
                try schedule(
                    &ankiCard, record.card, card: card.id, position: position + 1, firstDay: firstDay, days: days,
                    scheduler: scheduler)
            }
            if record?.suspended == true {
                ankiCard.queue = -1
            } else if let until = record?.buriedUntil, until > now {
                ankiCard.queue = -3
            }
            ankiCards.append(ankiCard)
            for review in progress?.reviews[card.id] ?? [] {
                reviews.append((review.at, try revlogEntry(review, cardID: id, card: card.id, days: days)))
            }
        }

        // Anki keys reviews by their millisecond: two in the same one are a millisecond apart.
        var revlog: [AnkiRevlogEntry] = []
        for (_, entry) in reviews.sorted(by: { $0.at < $1.at }) {
            var entry = entry
            if let last = revlog.last, entry.id <= last.id { entry.id = last.id + 1 }
            revlog.append(entry)
        }
        let rolloverHour =
            switch days {
            case .anki(let hour, _): hour
            case .pyFSRS: 0
            }
        return AnkiCollection(
            creation: Int64(creation.timeIntervalSince1970.rounded(.down)), modified: nowMs,
            rolloverHour: rolloverHour, creationMinutesWest: -days.timeZone.secondsFromGMT(for: creation) / 60,
            notetype: notetype, deckConfig: deckConfig(settings), decks: ankiDecks, notes: notes, cards: ankiCards,
            revlog: revlog, nextPosition: cards.count + 1)
    }

    /// Sets a studied card's type, queue, due, interval, steps left and memory state.
    static func schedule(
        _ ankiCard: inout AnkiCard, _ state: FSRSCard, card: CardID, position: Int, firstDay: Int, days: DayConvention,
        scheduler: Scheduler
    ) throws(ExportError) {
        let parameters = scheduler.parameters
        let lastReview = state.lastReview ?? state.due
        let dueDay = days.dayNumber(of: state.due)
        let laterDay = dueDay > days.dayNumber(of: lastReview)
        ankiCard.factor = 2500
        switch state.state {
        case .review:
            ankiCard.type = 2
            ankiCard.queue = 2
            ankiCard.interval = interval(state, from: lastReview, days: days)
        case .learning, .relearning:
            let relearning = state.state == .relearning
            let steps = relearning ? parameters.relearningSteps : parameters.learningSteps
            ankiCard.type = relearning ? 3 : 1
            ankiCard.queue = laterDay ? 3 : 1
            ankiCard.left = max(1, steps.count - (state.step ?? 0))
            ankiCard.interval = relearning ? scheduler.intervalDays(forStability: state.stability ?? 0) : 0
        }
        if ankiCard.queue == 1 {
            ankiCard.due = Int64(state.due.timeIntervalSince1970.rounded(.up))
        } else {
            ankiCard.due = Int64(dueDay - firstDay)
        }
        guard Int64(Int32.min)...Int64(Int32.max) ~= ankiCard.due else {
            throw .outOfRange(card: card.rawValue, field: "due", value: "\(ankiCard.due)")
        }
        let stability = state.stability ?? MemoryModel.minimumStability
        let difficulty = state.difficulty ?? 5
        ankiCard.data =
            "{\"pos\":\(position),\"s\":\(number(stability)),\"d\":\(number(difficulty)),"
            + "\"dr\":\(number(parameters.desiredRetention)),\"decay\":\(number(parameters.weights[20])),"
            + "\"lrt\":\(Int64(lastReview.timeIntervalSince1970.rounded(.down)))}"
    }

    /// The revlog entry of a review that stands.
    static func revlogEntry(_ review: CardReview, cardID: Int64, card: CardID, days: DayConvention) throws(ExportError)
        -> AnkiRevlogEntry
    {
        let last = review.stateBefore.flatMap { before in
            before.isNew ? nil : interval(before, from: before.lastReview ?? review.at, days: days)
        }
        let type =
            switch review.before {
            case .new, .learning: 0
            case .review: 1
            case .relearning: 2
            }
        let difficulty = review.after.difficulty ?? 5
        return AnkiRevlogEntry(
            id: Int64((review.at.timeIntervalSince1970 * 1000).rounded(.down)), cardID: cardID,
            ease: review.rating.rawValue, interval: interval(review.after, from: review.at, days: days),
            lastInterval: last ?? 0, factor: Int((((difficulty - 1) / 9 + 0.1) * 1000).rounded()),
            time: min(longestAnswerMs, max(0, review.durationMs ?? 0)), type: type)
    }

    /// The interval from `start` to `state.due` as Anki writes it: whole study days for a review (at
    /// least one) and for steps that end on a later day, negative seconds for steps within the day.
    static func interval(_ state: FSRSCard, from start: Date, days: DayConvention) -> Int {
        let dayCount = days.dayNumber(of: state.due) - days.dayNumber(of: start)
        if state.state == .review || dayCount > 0 { return max(1, dayCount) }
        let seconds = state.due.timeIntervalSince(start).rounded()
        return -Int(min(max(1, seconds), Double(Int32.max)))
    }

    /// A number as Anki's JSON holds it: the shortest text that reads back as the same double.
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }

    static let notetype = AnkiNotetype(
        id: notetypeID, name: "roledeck (AI 직무)", fields: ExportedNote.fieldNames,
        front: """
            <div class="prompt">{{질문}}</div>
            {{#문맥}}<div class="context">{{문맥}}</div>{{/문맥}}
            {{#보기}}<div class="options">{{보기}}</div>{{/보기}}
            <div class="meta">{{분야}}{{#직무}} · {{직무}}{{/직무}} · {{종류}}</div>
            """,
        back: """
            {{FrontSide}}
            <hr id="answer">
            <div class="answer">{{정답}}</div>
            <div class="explanation">{{설명}}</div>
            """,
        css: """
            .card { font-family: "Noto Sans KR", "Apple SD Gothic Neo", sans-serif; font-size: 20px; text-align: left; \
            color: black; background-color: white; }
            .context { margin-top: 0.6em; padding: 0.4em 0.6em; background: #f3f3f3; }
            .options ol { margin: 0.6em 0; }
            .meta { margin-top: 1em; font-size: 14px; color: #777; }
            .answer { font-weight: bold; }
            .explanation { margin-top: 0.8em; font-size: 15px; color: #555; }
            .nightMode .context { background: #333; }
            """)

    static func deckConfig(_ settings: StudySettings) -> AnkiDeckConfig {
        let parameters = settings.parameters
        return AnkiDeckConfig(
            id: deckConfigID, name: "roledeck", learningSteps: parameters.learningSteps.map { $0 / 60 },
            relearningSteps: parameters.relearningSteps.map { $0 / 60 }, newPerDay: settings.limits.newPerDay,
            reviewsPerDay: settings.limits.reviewsPerDay,
            maximumInterval: min(parameters.maximumInterval, longestInterval),
            leechThreshold: settings.leechThreshold, suspendsLeeches: settings.leechAction == .suspend,
            desiredRetention: parameters.desiredRetention, weights: parameters.weights,
            burySiblings: settings.burySiblings)
    }
}
