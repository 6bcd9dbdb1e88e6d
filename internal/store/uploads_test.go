package store_test

import (
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

func (w *world) upload(owner store.Person, kind string) int64 {
	w.t.Helper()
	id, err := w.s.CreateUpload(w.t.Context(), store.NewUpload{UploaderID: owner.ID, Kind: kind, ContentType: "video/webm", Size: 10, BlobKey: "k" + owner.Name + kind})
	if err != nil {
		w.t.Fatalf("CreateUpload: %v", err)
	}
	return id
}

// canSee reports whether the viewer may read the upload now.
func (w *world) canSee(p store.Person, id int64) bool {
	w.t.Helper()
	_, err := w.s.Upload(w.t.Context(), viewer(p), id)
	if err != nil && err != store.ErrNotFound {
		w.t.Fatalf("Upload: %v", err)
	}
	return err == nil
}

func TestUploadVisibilityFollowsWhatItIsAttachedTo(t *testing.T) {
	w := newWorld(t)
	ctx := t.Context()
	owner, member, outsider := w.person("Owner"), w.person("Member"), w.person("Outsider")
	closed := w.community(owner, "closed", store.VisibilityClosed)
	w.add(closed, member, store.RoleMember)

	// Unattached: only the uploader.
	up := w.upload(member, store.KindVideo)
	if !w.canSee(member, up) || w.canSee(owner, up) || w.canSee(outsider, up) {
		t.Fatalf("unattached upload: uploader sees %v, owner %v, outsider %v; want only the uploader",
			w.canSee(member, up), w.canSee(owner, up), w.canSee(outsider, up))
	}

	// Nobody can attach someone else's file.
	_, err := w.s.CreatePost(ctx, store.NewPost{CommunityID: closed.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: "Stolen clip",
		Body: "body text", Language: "en", Attachments: []int64{up}})
	wantErr(t, "attach another person's upload", err, store.ErrNotFound)

	post := w.post(store.NewPost{CommunityID: closed.ID, AuthorID: member.ID, Anonymous: true, Attachments: []int64{up}})
	if !w.canSee(owner, up) || !w.canSee(member, up) || w.canSee(outsider, up) {
		t.Errorf("attached to a closed community's post: owner %v, member %v, outsider %v; want true, true, false",
			w.canSee(owner, up), w.canSee(member, up), w.canSee(outsider, up))
	}
	clips, err := w.s.ClipPosts(ctx, []int64{post})
	if err != nil || !clips[post] {
		t.Errorf("ClipPosts = %v, %v; want the post marked as a clip", clips, err)
	}

	// An upload attaches once.
	_, err = w.s.CreatePost(ctx, store.NewPost{CommunityID: closed.ID, AuthorID: member.ID, Type: store.TypeTip, Title: "Again",
		Body: "body text", Language: "en", Attachments: []int64{up}})
	wantErr(t, "attach an attached upload again", err, store.ErrNotFound)

	// A reply's file goes with the reply.
	rup := w.upload(owner, store.KindImage)
	rid := w.reply(store.NewReply{PostID: post, Kind: store.ReplyComment, AuthorID: owner.ID, Attachments: []int64{rup}})
	att, err := w.s.Attachments(ctx, post)
	if err != nil || len(att[0]) != 1 || len(att[rid]) != 1 || att[rid][0].ID != rup {
		t.Fatalf("Attachments = %+v, %v; want one on the post and one on the comment", att, err)
	}
	if !w.canSee(member, rup) {
		t.Errorf("member cannot see a comment's image")
	}
	if err := w.s.DeleteReply(ctx, owner.ID, rid, false); err != nil {
		t.Fatal(err)
	}
	if w.canSee(member, rup) || w.canSee(owner, rup) {
		t.Errorf("a deleted comment's image is still visible")
	}

	// Permission is checked at read time: leaving loses access at once.
	if err := w.s.Leave(ctx, member.ID, closed.ID, member.ID); err != nil {
		t.Fatal(err)
	}
	if w.canSee(member, up) {
		t.Errorf("a person who left the closed community still sees its clip")
	}

	// Orphans: an attached upload is not removed; an unattached one is.
	if _, err := w.s.DeleteOrphan(ctx, up); err != store.ErrNotFound {
		t.Errorf("DeleteOrphan(attached) = %v, want ErrNotFound", err)
	}
	lone := w.upload(outsider, store.KindPDF)
	keys, err := w.s.DeleteOrphan(ctx, lone)
	if err != nil || len(keys) != 1 {
		t.Errorf("DeleteOrphan(unattached) = %v, %v; want its one blob key", keys, err)
	}
	if w.canSee(outsider, lone) {
		t.Errorf("an orphan is still there after removal")
	}
}

func TestUploadQueuesProcessingAndOrphanCheck(t *testing.T) {
	w := newWorld(t)
	p := w.person("Uploader")
	w.upload(p, store.KindImage)
	counts, err := w.s.JobCounts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if counts[store.JobMediaProcess][0] != 1 || counts[store.JobMediaOrphan][0] != 1 {
		t.Errorf("jobs waiting = %v, want one %s and one %s", counts, store.JobMediaProcess, store.JobMediaOrphan)
	}
	// The orphan check is not due yet.
	j, err := w.s.ClaimJob(t.Context(), []string{store.JobMediaOrphan}, time.Minute)
	if err != store.ErrNotFound {
		t.Errorf("orphan check claimable at once: %+v, %v", j, err)
	}
}
