// Package notify tells people what concerns them: the words of a
// notification in their language, and the live broker that delivers
// notifications and page activity over server-sent events.
package notify

import (
	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// Text is the line that says what a group of notifications is about, in
// lang. An actor who acted anonymously is "Anonymous member", whoever reads.
func Text(lang string, g store.NotificationGroup) string {
	actor := i18n.T(lang, "notify.anonymous")
	if g.Count == 1 && g.ActorName != "" {
		actor = g.ActorName
	} else if g.Count > 1 && !g.Anonymous && len(g.Actors) == 1 {
		actor = g.Actors[0]
	}
	status := ""
	if g.Detail != "" {
		status = i18n.T(lang, "status."+g.Detail)
	}
	return i18n.N(lang, "notify."+g.Kind, int64(g.Count), "Actor", actor, "Title", g.PostTitle, "Community", g.CommunityName, "Status", status)
}

// Single is Text for one notification.
func Single(lang string, n store.Notification) string {
	return Text(lang, store.NotificationGroup{Notification: n, Count: 1, IDs: []int64{n.ID}})
}
