package search

// Stop words are the most frequent function words, kept out of the index
// because they match nearly every document. The lists are short on purpose:
// recall matters more than index size.
//
// A query word that is a stop word in either language is dropped from the
// query: a Swedish post has no "hur" in its index, so "hur" must not be
// required of it. So the lists hold only words nobody needs to search for.
// The cost is a few Swedish content words that are English function words
// ("is", "by", "be", "not") and English "men", which a query cannot require;
// the other words of the query still find the post. Stop words are checked
// after folding, so "dont" stands for "don't".
var stopSwedish = setOf(
	"alla", "allt", "att", "av", "bara", "bli", "blir", "blev", "blivit",
	"de", "dem", "den", "denna", "deras", "dess", "dessa", "det", "detta",
	"dig", "din", "dina", "ditt", "du", "där", "då", "efter", "eller", "en",
	"er", "era", "ert", "ett", "från", "för", "ha", "hade", "han", "hans",
	"har", "hennes", "henne", "hon", "honom", "hur", "här", "i", "icke",
	"inte", "ja", "jag", "kan", "kunde", "man", "med", "mellan", "men", "mig",
	"min", "mina", "mitt", "mot", "mycket", "ni", "nu", "när", "någon",
	"något", "några", "och", "också", "om", "oss", "på", "samma", "sedan",
	"sig", "sin", "sina", "sitt", "ska", "skall", "skulle", "som", "så",
	"till", "upp", "ut", "utan", "vad", "var", "vara", "varit", "varför",
	"vars", "vem", "vi", "vid", "vilka", "vilken", "vilket", "vår", "våra",
	"vårt", "än", "är", "åt", "över",
)

var stopEnglish = setOf(
	"a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at",
	"be", "been", "being", "but", "by", "can", "could", "did", "do", "does",
	"doesnt", "dont", "for", "from", "had", "has", "have", "he", "her", "here", "him",
	"his", "how", "i", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive",
	"just", "me", "my", "no", "not", "of", "on", "or", "our", "out", "she", "should", "so",
	"than", "that", "the", "their", "them", "then", "there", "these", "they",
	"this", "those", "to", "up", "us", "very", "was", "we", "were", "what",
	"when", "where", "which", "who", "why", "will", "with", "would", "you",
	"your",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isStop reports whether a folded word is a stop word in lang.
func isStop(w, lang string) bool {
	if lang == Swedish {
		return stopSwedish[w]
	}
	return stopEnglish[w]
}

// isStopAny reports whether a folded word is a stop word in either language.
func isStopAny(w string) bool {
	return stopSwedish[w] || stopEnglish[w]
}
