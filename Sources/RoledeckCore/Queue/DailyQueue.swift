import Foundation

/// The cards a study session shows today, in Anki's order: intraday learning due now, interday learning,
/// reviews due today, then new cards in catalog order; intraday learning due within the learn-ahead
/// window comes last, when nothing else is left.
///
/// Built once from every card's state, then kept up to date: `update(_:record:)` moves the one card
/// that changed and `advance(to:studied:states:)` moves the clock, so a session of any size never
/// rebuilds it per card. The cards are kept sorted in a few buckets (the rule in `bucket(of:)`), and
/// the five lists are read off them for the current time and the day's limits.
public struct DailyQueue: Sendable {
    /// Where a card is kept.
    enum Bucket: UInt8, Sendable {
        /// Not shown today: suspended, due a later day.
        case none
        /// New, in catalog order.
        case fresh
        /// Learning or relearning on a step within the day, by due time (now, ahead, or later today).
        case intraday
        /// A learning step that crossed the rollover, due today or earlier.
        case interday
        /// In review, due today or earlier.
        case review
        /// Buried until a time later than now.
        case buried
    }

    /// A card in a bucket: the time that orders it (due, or the end of a burial) and its catalog order.
    struct Entry: Comparable, Sendable {
        var time: Int64
        var order: Int32

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.order < rhs.order
        }
    }

    /// The instant the lists are read at.
    public private(set) var now: Date
    private var today: Int
    private var counter: DayCounter
    private let limits: QueueLimits
    private var studied: StudiedToday
    private let order: CardOrder
    private var ids: [CardID] { order.ids }
    private var place: [Bucket]
    /// The time each card is ordered by in its bucket, to find it there by binary search.
    private var times: [Int64]
    private var fresh: [Int32] = []
    private var intraday: [Entry] = []
    private var interday: [Entry] = []
    private var due: [Entry] = []
    private var buried: [Entry] = []

    /// Builds today's queue.
    ///
    /// - Parameters:
    ///   - cards: every card of the decks, in catalog order (the order new cards are introduced).
    ///   - states: the studied cards; a card without a state is new.
    ///   - now: the clock, passed in.
    ///   - days: how days are counted (Anki's rollover convention for the app).
    ///   - limits: the day's limits; `studied` is what already counted against them today.
    public init(
        cards: [Card], states: [CardID: CardRecord], now: Date, days: DayConvention, limits: QueueLimits,
        studied: StudiedToday
    ) {
        self.init(
            order: CardOrder(cards), states: states, now: now, days: days, limits: limits, studied: studied)
    }

    /// Builds today's queue over cards already put in order (a session shares one `CardOrder`).
    public init(
        order: CardOrder, states: [CardID: CardRecord], now: Date, days: DayConvention, limits: QueueLimits,
        studied: StudiedToday
    ) {
        self.order = order
        self.now = now
        counter = DayCounter(days)
        today = counter.dayNumber(of: now)
        self.limits = limits
        self.studied = studied
        place = Array(repeating: .none, count: order.ids.count)
        times = Array(repeating: 0, count: order.ids.count)
        rebuild(states)
    }

    // MARK: - The lists

    /// Learning and relearning cards on minute steps, due now, earliest first.
    public var intradayLearning: [CardID] { ids(of: intraday[..<intradayDueEnd]) }
    /// Learning cards whose step carried them over a rollover: due on a day, today or earlier.
    public var interdayLearning: [CardID] { ids(of: interday.prefix(interdayShown)) }
    /// Review cards due today or earlier, most overdue first.
    public var reviews: [CardID] { ids(of: due.prefix(reviewsShown)) }
    /// New cards within today's limit, in catalog order.
    public var newCards: [CardID] { fresh.prefix(newShown).map { ids[Int($0)] } }
    /// Intraday learning cards due within the learn-ahead window, earliest first.
    public var learnAhead: [CardID] { ids(of: intraday[intradayDueEnd..<learnAheadEnd]) }

    /// Every card in the order it is shown.
    public var ordered: [CardID] { intradayLearning + interdayLearning + reviews + newCards + learnAhead }

    /// How many cards are waiting now, learn-ahead excluded.
    public var dueCount: Int { intradayDueEnd + interdayShown + reviewsShown }

    /// Cards today's limits hold back: due reviews past the review limit, new cards past the new limit.
    public var heldBack: StudiedToday {
        StudiedToday(
            newCards: fresh.count - newShown, reviews: interday.count + due.count - interdayShown - reviewsShown)
    }

    /// The day's limits the queue applies.
    public var dayLimits: QueueLimits { limits }

    /// When the next learning card not yet shown comes due (the first past the learn-ahead window).
    public var nextLearningDue: Date? {
        learnAheadEnd < intraday.count ? Date(microsecondsSince1970: intraday[learnAheadEnd].time) : nil
    }

    /// The five lists, to name an order to walk them in.
    public enum Segment: Sendable, CaseIterable {
        case intradayLearning, interdayLearning, reviews, newCards, learnAhead
    }

    /// How many cards `segment` holds now.
    public func count(_ segment: Segment) -> Int {
        switch segment {
        case .intradayLearning: intradayDueEnd
        case .interdayLearning: interdayShown
        case .reviews: reviewsShown
        case .newCards: newShown
        case .learnAhead: learnAheadEnd - intradayDueEnd
        }
    }

    /// The first card of `segments`, walked in that order, that `excluded` does not hold; `pinned`
    /// comes first when it is in one of them. Nothing is copied: a queue of any size answers at once.
    public func first(in segments: [Segment], excluding excluded: Set<CardID>, pinned: CardID? = nil) -> CardID? {
        if let pinned, !excluded.contains(pinned), segment(of: pinned).map(segments.contains) == true {
            return pinned
        }
        for segment in segments {
            switch segment {
            case .newCards:
                if let order = fresh.prefix(newShown).first(where: { !excluded.contains(ids[Int($0)]) }) {
                    return ids[Int(order)]
                }
            default:
                let entries: ArraySlice<Entry> =
                    switch segment {
                    case .intradayLearning: intraday[..<intradayDueEnd]
                    case .interdayLearning: interday.prefix(interdayShown)
                    case .reviews: due.prefix(reviewsShown)
                    default: intraday[intradayDueEnd..<learnAheadEnd]
                    }
                if let entry = entries.first(where: { !excluded.contains(ids[Int($0.order)]) }) {
                    return ids[Int(entry.order)]
                }
            }
        }
        return nil
    }

    /// The list `id` is shown in now, if any.
    public func segment(of id: CardID) -> Segment? {
        guard let order = order.positions[id] else { return nil }
        switch place[Int(order)] {
        case .none, .buried:
            return nil
        case .fresh:
            return position(of: order, in: fresh).map { $0 < newShown ? .newCards : nil } ?? nil
        case .intraday:
            guard let index = index(of: order, in: intraday) else { return nil }
            if index < intradayDueEnd { return .intradayLearning }
            return index < learnAheadEnd ? .learnAhead : nil
        case .interday:
            guard let index = index(of: order, in: interday) else { return nil }
            return index < interdayShown ? .interdayLearning : nil
        case .review:
            guard let index = index(of: order, in: due) else { return nil }
            return index < reviewsShown ? .reviews : nil
        }
    }

    /// Where the card `order` is in a sorted bucket, found by its time.
    private func index(of order: Int32, in entries: [Entry]) -> Int? {
        let entry = Entry(time: times[Int(order)], order: order)
        let index = partition(entries) { $0 < entry }
        return index < entries.count && entries[index] == entry ? index : nil
    }

    private func ids(of entries: ArraySlice<Entry>) -> [CardID] {
        entries.map { ids[Int($0.order)] }
    }

    private var nowMicros: Int64 { now.microsecondsSince1970 }

    private var intradayDueEnd: Int {
        let limit = nowMicros
        return partition(intraday) { $0.time <= limit }
    }

    private var learnAheadEnd: Int {
        let limit = now.addingTimeInterval(limits.learnAheadSeconds).microsecondsSince1970
        return partition(intraday) { $0.time <= limit }
    }

    private var reviewRoom: Int { max(0, limits.reviewsPerDay - studied.reviews) }
    private var interdayShown: Int { min(interday.count, reviewRoom) }
    private var reviewsShown: Int { min(due.count, reviewRoom - interdayShown) }
    private var newShown: Int { min(fresh.count, max(0, limits.newPerDay - studied.newCards)) }

    /// The index of the first entry of a sorted list for which `isBefore` is false.
    private func partition(_ entries: [Entry], isBefore: (Entry) -> Bool) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(entries[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func position(of order: Int32, in list: [Int32]) -> Int? {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < order { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == order ? low : nil
    }

    // MARK: - Keeping it up to date

    /// Moves the clock to `now` with `studied` counting against the limits. A new study day rebuilds
    /// the queue from `states`; a burial that ends puts its card back.
    public mutating func advance(to now: Date, studied: StudiedToday, states: [CardID: CardRecord]) {
        self.now = now
        self.studied = studied
        let day = counter.dayNumber(of: now)
        if day != today {
            today = day
            rebuild(states)
            return
        }
        let limit = now.microsecondsSince1970
        while let first = buried.first, first.time <= limit {
            buried.removeFirst()
            place[Int(first.order)] = .none
            insert(first.order, record: states[ids[Int(first.order)]])
        }
    }

    /// Puts `id` where `record` (its state after a change; nil when it has none) places it.
    public mutating func update(_ id: CardID, record: CardRecord?) {
        guard let position = order.positions[id] else { return }
        remove(position)
        insert(position, record: record)
    }

    private mutating func rebuild(_ states: [CardID: CardRecord]) {
        fresh.removeAll(keepingCapacity: true)
        intraday.removeAll(keepingCapacity: true)
        interday.removeAll(keepingCapacity: true)
        due.removeAll(keepingCapacity: true)
        buried.removeAll(keepingCapacity: true)
        // A card without a state is new; the states are walked where they lie and each finds its card.
        let (newBucket, newTime) = bucket(of: nil)
        for index in place.indices {
            place[index] = newBucket
            times[index] = newTime
        }
        for placed in Self.placeStates(states, positions: order.positions, now: now, today: today, counter: counter) {
            for state in placed {
                place[Int(state.order)] = state.bucket
                times[Int(state.order)] = state.time
            }
        }
        for order in place.indices {
            let entry = Entry(time: times[order], order: Int32(order))
            switch place[order] {
            case .none: break
            case .fresh: fresh.append(Int32(order))
            case .intraday: intraday.append(entry)
            case .interday: interday.append(entry)
            case .review: due.append(entry)
            case .buried: buried.append(entry)
            }
        }
        intraday.sort()
        interday.sort()
        due.sort()
        buried.sort()
    }

    /// A state's card (its place in the order), and where it goes today.
    private struct PlacedState: Sendable {
        var order: Int32
        var bucket: Bucket
        var time: Int64
    }

    /// The bucket of each state whose card is in the order. A large collection is walked in two halves
    /// side by side: each state is a look-up of its id among the order's, and the memory it touches is
    /// scattered, so two cores take about half the time.
    private static func placeStates(
        _ states: [CardID: CardRecord], positions: CardPositions, now: Date, today: Int, counter: DayCounter
    ) -> [[PlacedState]] {
        @Sendable func place(_ range: Range<Dictionary<CardID, CardRecord>.Index>) -> [PlacedState] {
            var counter = counter
            var placed: [PlacedState] = []
            placed.reserveCapacity(states.count / 2 + 1)
            for (id, state) in states[range] {
                guard let order = positions[id] else { continue }
                let (bucket, time) = bucket(of: state, now: now, today: today, counter: &counter)
                placed.append(PlacedState(order: order, bucket: bucket, time: time))
            }
            return placed
        }
        // A smaller collection takes less than a second thread costs to start.
        guard states.count >= 20_000 else { return [place(states.startIndex..<states.endIndex)] }
        let middle = states.index(states.startIndex, offsetBy: states.count / 2)
        let halves = [states.startIndex..<middle, middle..<states.endIndex]
        return SideBySide.map(halves.count) { place(halves[$0]) }
    }

    /// The one rule of where a card goes today, and the time that orders it there.
    private mutating func bucket(of state: CardRecord?) -> (Bucket, Int64) {
        Self.bucket(of: state, now: now, today: today, counter: &counter)
    }

    private static func bucket(of state: CardRecord?, now: Date, today: Int, counter: inout DayCounter) -> (
        Bucket, Int64
    ) {
        guard let state else { return (.fresh, 0) }
        if state.suspended { return (.none, 0) }
        if let until = state.buriedUntil, until > now { return (.buried, until.microsecondsSince1970) }
        let memory = state.card
        if memory.isNew { return (.fresh, 0) }
        let dueDay = counter.dayNumber(of: memory.due)
        let time = memory.due.microsecondsSince1970
        switch memory.state {
        case .learning, .relearning:
            let stepped = memory.lastReview.map { counter.dayNumber(of: $0) < dueDay } ?? false
            if stepped {
                // A step that crossed the rollover is due on its day, like a review.
                return dueDay <= today ? (.interday, time) : (.none, 0)
            }
            return (.intraday, time)
        case .review:
            return dueDay <= today ? (.review, time) : (.none, 0)
        }
    }

    private mutating func insert(_ order: Int32, record: CardRecord?) {
        let (bucket, time) = bucket(of: record)
        place[Int(order)] = bucket
        times[Int(order)] = time
        let entry = Entry(time: time, order: order)
        switch bucket {
        case .none: break
        case .fresh: fresh.insert(order, at: partitionOrders(fresh, order))
        case .intraday: intraday.insert(entry, at: partition(intraday) { $0 < entry })
        case .interday: interday.insert(entry, at: partition(interday) { $0 < entry })
        case .review: due.insert(entry, at: partition(due) { $0 < entry })
        case .buried: buried.insert(entry, at: partition(buried) { $0 < entry })
        }
    }

    private mutating func remove(_ order: Int32) {
        switch place[Int(order)] {
        case .none: break
        case .fresh:
            if let index = position(of: order, in: fresh) { fresh.remove(at: index) }
        case .intraday:
            if let index = index(of: order, in: intraday) { intraday.remove(at: index) }
        case .interday:
            if let index = index(of: order, in: interday) { interday.remove(at: index) }
        case .review:
            if let index = index(of: order, in: due) { due.remove(at: index) }
        case .buried:
            if let index = index(of: order, in: buried) { buried.remove(at: index) }
        }
        place[Int(order)] = .none
    }

    private func partitionOrders(_ list: [Int32], _ order: Int32) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < order { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension DailyQueue: Equatable {
    /// Two queues are equal when they show the same cards in the same lists.
    public static func == (lhs: DailyQueue, rhs: DailyQueue) -> Bool {
        lhs.intradayLearning == rhs.intradayLearning && lhs.interdayLearning == rhs.interdayLearning
            && lhs.reviews == rhs.reviews && lhs.newCards == rhs.newCards && lhs.learnAhead == rhs.learnAhead
    }
}
