import Foundation
import RoledeckCore

/// The collection file Anki's importer reads from a package (`collection.anki21`, schema 11): its
/// tables, and the JSON objects its `col` row holds (configuration, note types, decks, deck options).
/// Anki upgrades it to its own schema as it imports; keys it does not find take Anki's defaults.
enum AnkiLegacySchema {
    /// The tables and indexes, as Anki 2.1 creates them.
    static let tables = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
          ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
          models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
          flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
          ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL,
          left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
          data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
          ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
          type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """

    /// The collection's configuration: the v3 scheduler, the day's rollover and the creation's time zone.
    static func configuration(_ collection: AnkiCollection) -> [String: Any] {
        [
            "schedVer": 2, "sched2021": true, "creationOffset": collection.creationMinutesWest,
            "rollover": collection.rolloverHour, "nextPos": collection.nextPosition, "curDeck": 1,
            "activeDecks": [1], "curModel": collection.notetype.id, "addToCur": true, "sortType": "noteFld",
            "sortBackwards": false, "newSpread": 0, "dueCounts": true, "estTimes": true, "collapseTime": 1200,
            "timeLim": 0, "dayLearnFirst": false,
        ]
    }

    /// The note types, by id: the one roledeck's notes use.
    static func notetypes(_ collection: AnkiCollection) -> [String: Any] {
        let notetype = collection.notetype
        let fields: [[String: Any]] = notetype.fields.enumerated().map { index, name in
            [
                "name": name, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20,
                "description": "", "plainText": false, "collapsed": false, "excludeFromSearch": false,
            ]
        }
        let template: [String: Any] = [
            "name": "카드", "ord": 0, "qfmt": notetype.front, "afmt": notetype.back, "bqfmt": "", "bafmt": "",
            "did": NSNull(), "bfont": "", "bsize": 0,
        ]
        return [
            String(notetype.id): [
                "id": notetype.id, "name": notetype.name, "type": 0, "mod": collection.modified / 1000, "usn": -1,
                "sortf": 0, "did": NSNull(), "tmpls": [template], "flds": fields, "css": notetype.css,
                "latexPre": latexPre, "latexPost": "\\end{document}", "latexsvg": false, "req": [[0, "any", [0]]],
            ] as [String: Any]
        ]
    }

    /// The decks, by id: Anki's `Default` and the exported ones, all on roledeck's options preset.
    static func decks(_ collection: AnkiCollection) -> [String: Any] {
        func deck(_ id: Int64, _ name: String, _ description: String, _ config: Int64) -> [String: Any] {
            [
                "id": id, "mod": collection.modified / 1000, "name": name, "usn": -1, "lrnToday": [0, 0],
                "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false,
                "browserCollapsed": false, "desc": description, "dyn": 0, "conf": config, "extendNew": 0,
                "extendRev": 0,
            ]
        }
        var decks: [String: Any] = ["1": deck(1, "Default", "", 1)]
        for ankiDeck in collection.decks {
            decks[String(ankiDeck.id)] = deck(
                ankiDeck.id, ankiDeck.name, ankiDeck.description, collection.deckConfig.id)
        }
        return decks
    }

    /// The deck options presets, by id: Anki's default and roledeck's.
    static func deckConfigs(_ collection: AnkiCollection) -> [String: Any] {
        let config = collection.deckConfig
        func preset(
            _ id: Int64, _ name: String, learning: [Double], relearning: [Double], newPerDay: Int, reviews: Int,
            maximum: Int, leeches: Int, leechAction: Int, bury: Bool
        ) -> [String: Any] {
            [
                "id": id, "mod": collection.modified / 1000, "name": name, "usn": -1, "maxTaken": 60,
                "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
                "new": [
                    "bury": bury, "delays": learning, "initialFactor": 2500, "ints": [1, 4, 0], "order": 1,
                    "perDay": newPerDay,
                ] as [String: Any],
                "rev": [
                    "bury": bury, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": maximum, "perDay": reviews,
                    "hardFactor": 1.2,
                ] as [String: Any],
                "lapse": [
                    "delays": relearning, "leechAction": leechAction, "leechFails": leeches, "minInt": 1, "mult": 0.0,
                ] as [String: Any],
            ]
        }
        var roledeck = preset(
            config.id, config.name, learning: config.learningSteps, relearning: config.relearningSteps,
            newPerDay: config.newPerDay, reviews: config.reviewsPerDay, maximum: config.maximumInterval,
            leeches: config.leechThreshold, leechAction: config.suspendsLeeches ? 0 : 1, bury: config.burySiblings)
        roledeck["fsrsParams6"] = config.weights
        roledeck["desiredRetention"] = config.desiredRetention
        return [
            "1": preset(
                1, "Default", learning: [1, 10], relearning: [10], newPerDay: 20, reviews: 200, maximum: 36_500,
                leeches: 8, leechAction: 1, bury: false),
            String(config.id): roledeck,
        ]
    }

    /// A JSON object's text: keys sorted, so the same collection gives the same bytes.
    static func json(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static let latexPre = """
        \\documentclass[12pt]{article}
        \\special{papersize=3in,5in}
        \\usepackage[utf8]{inputenc}
        \\usepackage{amssymb,amsmath}
        \\pagestyle{empty}
        \\setlength{\\parindent}{0in}
        \\begin{document}

        """
}
