package api

import (
	"context"
	"strconv"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestSimilarHidesClosedAndSecretQuestions offers a closed or secret
// question only to its community's members, and never to an organisation
// admin who is not one.
func TestSimilarHidesClosedAndSecretQuestions(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	ctx := context.Background()
	for key, c := range map[string]string{"closed_q": "salj_cid", "secret_q": "ledning_cid"} {
		id, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: f.id(c), AuthorID: f.people["owner"].ID, Type: store.TypeQuestion,
			Title: "Bokar vi mötesrum " + key + " i förväg?", Body: "Text", Language: "sv"})
		if err != nil {
			t.Fatal(err)
		}
		f.vars[key] = strconv.FormatInt(id, 10)
	}
	url := "/api/v1/similar?title=boka+m%C3%B6tesrum"
	f.run(t, []scenario{
		{name: "outsider", method: "GET", url: url, as: "outsider", wantStatus: 200,
			wantContains: []string{`"id":{{question}},`}, wantNotContains: []string{"closed_q", "secret_q", "Säljcoacher", "Ledningsgruppen internt"}},
		{name: "admin who is no member", method: "GET", url: url, as: "admin", wantStatus: 200,
			wantContains: []string{`"id":{{question}},`}, wantNotContains: []string{"closed_q", "secret_q"}},
		{name: "member", method: "GET", url: url, as: "member", wantStatus: 200,
			wantContains: []string{`"id":{{question}},`, `"id":{{closed_q}},`, `"id":{{secret_q}},`}},
	}, nil)
}
