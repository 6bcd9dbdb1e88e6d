package media

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"io"
	"os"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// blobExists reports whether the blob store still has key.
func blobExists(t *testing.T, f fixture, key string) bool {
	t.Helper()
	rc, err := f.svc.Blobs.Open(t.Context(), key, 0)
	if errors.Is(err, ErrNoBlob) {
		return false
	}
	if err != nil {
		t.Fatalf("Open %s: %v", key, err)
	}
	rc.Close()
	return true
}

// keysOf returns the blob keys of an upload (the file, its thumbnail, its poster).
func keysOf(t *testing.T, f fixture, id int64) []string {
	t.Helper()
	u, err := f.s.UploadForJob(t.Context(), id)
	if err != nil {
		t.Fatalf("upload %d: %v", id, err)
	}
	var keys []string
	for _, k := range []string{u.BlobKey, u.ThumbKey, u.PosterKey} {
		if k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// checkDeletedFilesRemoved is the life of files after what they are
// attached to goes: a deleted post's files and its replies' files are
// removed from the blob store by a job that runs after the delete has
// committed (not by the delete itself); a hidden post keeps its files; an
// edit that fails removes nothing. It runs on the disk and on S3.
func checkDeletedFilesRemoved(t *testing.T, f fixture) {
	ctx := t.Context()
	img := encode(t, func(w io.Writer) error { return png.Encode(w, testImage(600, 400)) })
	clip := readFile(t, "clip.webm")
	ingest := func(data []byte) int64 {
		t.Helper()
		u, err := f.svc.Ingest(ctx, f.uploader.ID, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	c, err := f.s.CreateCommunity(ctx, f.uploader.ID, "files", store.CommunitySettings{Name: "Files", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	if err != nil {
		t.Fatal(err)
	}
	post := func(title string, files ...int64) int64 {
		t.Helper()
		id, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: f.uploader.ID, Type: store.TypeQuestion, Title: title,
			Body: "See the files", Language: "en", Attachments: files})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}

	doomedImg, doomedClip := ingest(img), ingest(clip)
	doomed := post("A question that will be deleted", doomedImg)
	if _, err := f.s.CreateReply(ctx, store.NewReply{PostID: doomed, Kind: store.ReplyAnswer, AuthorID: f.uploader.ID, Body: "Shown in the clip",
		Attachments: []int64{doomedClip}}); err != nil {
		t.Fatal(err)
	}
	hiddenImg := ingest(img)
	hidden := post("A question a moderator hides", hiddenImg)
	keptImg, otherImg := ingest(img), ingest(img)
	kept := post("A question whose edit fails", keptImg)
	runJobs(t, f) // thumbnails and posters
	doomedKeys := append(keysOf(t, f, doomedImg), keysOf(t, f, doomedClip)...)
	if len(doomedKeys) < 3 {
		t.Fatalf("keys %v: want at least the two files and a thumbnail", doomedKeys)
	}
	hiddenKeys, keptKeys := keysOf(t, f, hiddenImg), keysOf(t, f, keptImg)

	if err := f.s.DeletePost(ctx, f.uploader.ID, doomed, false); err != nil {
		t.Fatal(err)
	}
	// The delete itself removes no bytes: a job does, once it has committed.
	for _, k := range doomedKeys {
		if !blobExists(t, f, k) {
			t.Errorf("blob %s was removed by the delete itself, before its job ran", k)
		}
	}
	if err := f.s.SetModeration(ctx, store.Viewer{ID: f.uploader.ID}, hidden, 0, store.ActionHide, "off topic"); err != nil {
		t.Fatal(err)
	}
	// Removing a file in an edit that then fails (the file to add is not
	// the editor's) rolls back, removal and job alike.
	stranger, err := f.s.CreatePerson(ctx, store.NewPerson{Email: "other@example.org", Name: "Other", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := f.svc.Ingest(ctx, stranger.ID, bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	err = f.s.EditPost(ctx, f.uploader.ID, kept, store.PostEdit{Title: "A question whose edit fails", Body: "See the files",
		Remove: []int64{keptImg}, Attach: []int64{otherImg, theirs.ID}})
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("edit attaching someone else's upload: %v, want ErrNotFound", err)
	}
	runJobs(t, f)

	for _, k := range doomedKeys {
		if blobExists(t, f, k) {
			t.Errorf("blob %s of the deleted post is still stored after its job ran", k)
		}
	}
	for _, id := range []int64{doomedImg, doomedClip} {
		if _, err := f.s.UploadForJob(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("upload %d of the deleted post: %v, want its row gone", id, err)
		}
	}
	for _, k := range append(hiddenKeys, keptKeys...) {
		if !blobExists(t, f, k) {
			t.Errorf("blob %s of a hidden post, or of a failed edit, was removed", k)
		}
	}
	if _, err := f.s.Upload(ctx, store.Viewer{ID: f.uploader.ID}, keptImg); err != nil {
		t.Errorf("the file of the failed edit: %v, want it still attached and visible", err)
	}

	// A file taken off in an edit that succeeds goes the same way.
	if err := f.s.EditPost(ctx, f.uploader.ID, kept, store.PostEdit{Title: "A question whose edit works", Body: "See the files",
		Remove: []int64{keptImg}, Attach: []int64{otherImg}}); err != nil {
		t.Fatal(err)
	}
	runJobs(t, f)
	for _, k := range keptKeys {
		if blobExists(t, f, k) {
			t.Errorf("blob %s taken off in an edit is still stored", k)
		}
	}
	att, err := f.s.Attachments(ctx, kept)
	if err != nil || len(att[0]) != 1 || att[0][0].ID != otherImg {
		t.Errorf("after the edit, attachments = %+v, %v; want just the added image", att[0], err)
	}
}

func TestDeletedPostsLoseTheirFiles(t *testing.T) {
	checkDeletedFilesRemoved(t, newFixture(t))
}

// hookBlobs calls onPut after each Put, to change the world mid-job.
type hookBlobs struct {
	Blobs
	onPut func(key string)
}

func (h hookBlobs) Put(ctx context.Context, key string, f *os.File, size int64, contentType string) error {
	err := h.Blobs.Put(ctx, key, f, size, contentType)
	if err == nil {
		h.onPut(key)
	}
	return err
}

// TestProcessingARemovedUploadLeavesNothing: when the post goes while its
// file's thumbnail is being made, the thumbnail made is removed too.
func TestProcessingARemovedUploadLeavesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	img := encode(t, func(w io.Writer) error { return png.Encode(w, testImage(600, 400)) })
	u, err := f.svc.Ingest(ctx, f.uploader.ID, bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.s.CreateCommunity(ctx, f.uploader.ID, "race", store.CommunitySettings{Name: "Race", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	if err != nil {
		t.Fatal(err)
	}
	id, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: f.uploader.ID, Type: store.TypeTip, Title: "Soon gone",
		Body: "x", Language: "en", Attachments: []int64{u.ID}})
	if err != nil {
		t.Fatal(err)
	}
	var made []string
	f.svc.Blobs = hookBlobs{Blobs: f.svc.Blobs, onPut: func(key string) {
		made = append(made, key)
		// The post is deleted just as the thumbnail is stored.
		if err := f.s.DeletePost(context.Background(), f.uploader.ID, id, false); err != nil {
			t.Errorf("DeletePost: %v", err)
		}
	}}
	runJobs(t, f)
	if len(made) != 1 {
		t.Fatalf("blobs stored by the job: %v, want the thumbnail", made)
	}
	if blobExists(t, f, made[0]) {
		t.Errorf("the thumbnail of an upload removed while it was made is still stored")
	}
	if blobExists(t, f, u.BlobKey) {
		t.Errorf("the file of the deleted post is still stored")
	}
}
