package notify

import (
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

func TestText(t *testing.T) {
	t.Parallel()
	n := store.Notification{Kind: store.NotifyAnswer, ActorName: "Karin", PostTitle: "Hur?"}
	if got := Single("sv", n); got != "Karin svarade på ”Hur?”" {
		t.Errorf("sv: %q", got)
	}
	anon := store.Notification{Kind: store.NotifyMention, PostTitle: "Q"}
	if got := Single("en", anon); !strings.HasPrefix(got, "Anonymous member mentioned you") {
		t.Errorf("anonymous: %q", got)
	}
	g := store.NotificationGroup{Notification: n, Count: 3, Actors: []string{"A", "B"}}
	if got := Text("en", g); got != "3 new answers to “Hur?”" {
		t.Errorf("group: %q", got)
	}
	idea := store.Notification{Kind: store.NotifyIdeaStatus, PostTitle: "Kaffe", Detail: "planned"}
	if got := Single("sv", idea); got != "Idén ”Kaffe” har nu status: Planerad" {
		t.Errorf("idea: %q", got)
	}
	for _, k := range store.NotificationKinds {
		for _, lang := range []string{"sv", "en"} {
			if got := Single(lang, store.Notification{Kind: k, ActorName: "X", PostTitle: "T", CommunityName: "C", Detail: "done"}); strings.HasPrefix(got, "notify.") {
				t.Errorf("%s %s has no message", lang, k)
			}
		}
	}
}
