package search

import "testing"

// swedishParagraph is about 100 words of ordinary workplace Swedish.
const swedishParagraph = `Hej allihop! Jag har en fråga om kundtjänstärendena i CRM-systemet. När en kund ringer
och vill ändra sin leveransadress hittar jag inte genvägen för att skapa ett nytt ärende direkt från
samtalet. Kollegorna på säljavdelningen säger att det finns ett kortkommando, men ingen minns vilket.
Dessutom verkar kaffemaskinen i mötesrummet vara trasig igen, så arbetsmiljöfrågorna hopar sig.
Har någon tips på hur man snabbast lägger upp en uppföljning i kalendern och kopplar den till rätt
kundnummer? Vi har fått nya rutiner för tidrapporteringen också, och jag förstår inte riktigt hur
semesteransökan ska hanteras i lönesystemet. Tack på förhand för alla svar och förslag!`

func BenchmarkTerms(b *testing.B) {
	b.SetBytes(int64(len(swedishParagraph)))
	for b.Loop() {
		Terms(swedishParagraph, Swedish)
	}
}

// BenchmarkTermsCold measures the analysis itself, with nothing remembered
// from earlier words.
func BenchmarkTermsCold(b *testing.B) {
	b.SetBytes(int64(len(swedishParagraph)))
	for b.Loop() {
		forget()
		Terms(swedishParagraph, Swedish)
	}
}

func BenchmarkTermsUnknownLanguage(b *testing.B) {
	b.SetBytes(int64(len(swedishParagraph)))
	for b.Loop() {
		Terms(swedishParagraph, "")
	}
}

func BenchmarkParse(b *testing.B) {
	const q = `tag:crm "snabb genväg" kundtjänstärende -mus type:question espresso OR latte is:unanswered omel`
	for b.Loop() {
		Parse(q)
	}
}

func BenchmarkRender(b *testing.B) {
	q := Parse(`tag:crm "snabb genväg" kundtjänstärende -mus type:question espresso OR latte is:unanswered omel`)
	q.Prefix = true
	for b.Loop() {
		_ = q.FTS5()
		_ = q.TSQuery()
	}
}

func BenchmarkSnippet(b *testing.B) {
	q := Parse("genväg kundtjänst")
	for b.Loop() {
		Snippet(swedishParagraph, q, 160)
	}
}
