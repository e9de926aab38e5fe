extension Unicode.Scalar {
    /// `properties.isAlphabetic`, with ASCII and precomposed Hangul syllables (the catalogs' text)
    /// answered without Unicode's property tables: a table lookup costs a few hundred instructions,
    /// and the ids and names of 100,000 cards ask millions of times as a session starts.
    var hasAlphabeticProperty: Bool {
        if isASCII { return ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
        if Hangul.isSyllable(self) { return true }
        return properties.isAlphabetic
    }

    /// A letter of any script or a number of any kind (alphabetic, or with a numeric type): what names
    /// and words are made of. ASCII and Hangul syllables are answered as in `hasAlphabeticProperty`.
    var isLetterOrNumber: Bool {
        if isASCII { return ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) }
        if Hangul.isSyllable(self) { return true }
        return properties.isAlphabetic || properties.numericType != nil
    }
}
