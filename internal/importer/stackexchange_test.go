package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// setup returns a store with an organisation admin who owns an open community.
func setup(t *testing.T, s *store.Store, slug string) (store.Viewer, store.Community) {
	t.Helper()
	ctx := t.Context()
	owner, err := s.PersonByEmail(ctx, "owner@example.org")
	if errors.Is(err, store.ErrNotFound) {
		owner, err = s.CreatePerson(ctx, store.NewPerson{Email: "owner@example.org", Name: "Owner", Admin: true, PasswordHash: "x"})
	}
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCommunity(ctx, owner.ID, slug, store.CommunitySettings{Name: "Imported " + slug, Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	if err != nil {
		t.Fatal(err)
	}
	return store.Viewer{ID: owner.ID, Admin: true}, c
}

// localID is what a record of the dump became.
func localID(t *testing.T, s *store.Store, site, id, kind string) int64 {
	t.Helper()
	n, err := s.ImportedID(t.Context(), site, id, kind)
	if err != nil {
		t.Fatalf("ImportedID(%s, %s, %s): %v", site, id, kind, err)
	}
	return n
}

func TestImportReportsBadRowsAndGoesOn(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s := storetest.Open(t)
	v, c := setup(t, s, "test")
	const site = "test.stackexchange.com"
	var log bytes.Buffer
	sum, err := StackExchange(ctx, s, "testdata/bad", Options{CommunityID: c.ID, Site: site, Log: &log})
	if err != nil {
		t.Fatalf("StackExchange: %v\n%s", err, log.String())
	}

	// Every bad row is named by its line, once, and nothing else stopped the import.
	for _, want := range []string{
		"line 4: the row has no valid Id",
		`line 5: post 2: CreationDate "yesterday" is not a date`,
		"line 8: post 5 has an empty body",
		"line 9: the XML cannot be read",
		"line 7: answer 4 is to question 99, which is not in the dump or was skipped",
		"line 14: answer 9 is to question 2, which is not in the dump or was skipped",
		"line 15: question 10: its accepted answer 77 is not in the dump or was skipped",
		`line 13: question 8: tag ".net" is not a valid Tacit tag`,
		`line 7: the user has no valid Id`,  // Users.xml
		"line 5: comment 102 is on post 99", // Comments.xml
		"line 6: comment 103 is empty",      // Comments.xml
	} {
		if n := strings.Count(log.String(), want); n != 1 {
			t.Errorf("log has %q %d times, want once:\n%s", want, n, log.String())
		}
	}
	want := Summary{Site: site, Questions: Count{New: 4}, Answers: Count{New: 2}, Accepted: Count{New: 2}, Comments: Count{New: 2},
		People: 6, Named: 3, Skipped: 10, Ignored: 1}
	sum.Elapsed = 0
	if sum != want {
		t.Errorf("summary\n got %+v\nwant %+v", sum, want)
	}

	// Question 1: its text, author, tags, date, accepted answer and link back.
	q1, err := s.Post(ctx, v, localID(t, s, site, "1", store.ImportedPost))
	if err != nil {
		t.Fatal(err)
	}
	if q1.Title != "What is a citra hop?" || !slices.Equal(q1.Tags, []string{"hops", "ipa"}) || q1.AuthorName != "Ada *Brewer*" ||
		q1.SourceURL != "https://test.stackexchange.com/questions/1" || q1.Type != store.TypeQuestion || q1.Language != "en" ||
		!q1.CreatedAt.Equal(time.Date(2014, 1, 21, 20, 26, 5, 383e6, time.UTC)) || q1.AnswerCount != 1 || q1.CommentCount != 2 { // comments on its answer count too, as CreateReply counts them
		t.Errorf("question 1 = %+v", q1)
	}
	attribution := `*Originally asked on [test.stackexchange.com](https://test.stackexchange.com/questions/1) by [Ada \*Brewer\*](https://test.stackexchange.com/users/7), [CC BY-SA 3.0](https://creativecommons.org/licenses/by-sa/3.0/).*`
	if !strings.HasPrefix(q1.Body, "What are *citra* hops?\n\n") || !strings.HasSuffix(q1.Body, attribution) {
		t.Errorf("question 1 body = %q", q1.Body)
	}
	if !strings.Contains(q1.BodyHTML, `<a href="https://test.stackexchange.com/questions/1"`) || !strings.Contains(q1.BodyHTML, "by <a") ||
		!strings.Contains(q1.BodyHTML, "Ada *Brewer*</a>") {
		t.Errorf("question 1 does not link back to its original: %s", q1.BodyHTML)
	}
	answers, comments, err := s.Replies(ctx, store.Viewer{}, q1.ID, q1.AcceptedAnswerID)
	if err != nil {
		t.Fatal(err)
	}
	if len(answers) != 1 || answers[0].ID != localID(t, s, site, "3", store.ReplyAnswer) || !answers[0].Accepted || answers[0].AuthorName != "Bo Malt" ||
		!strings.Contains(answers[0].Body, "(https://test.stackexchange.com/a/3)") {
		t.Fatalf("answers of question 1 = %+v", answers)
	}
	if len(answers[0].Comments) != 1 || answers[0].Comments[0].AuthorName != "Passer By" ||
		!strings.HasPrefix(answers[0].Comments[0].Body, `\<script\>alert(1)\</script\> thanks`) ||
		strings.Contains(answers[0].Comments[0].BodyHTML, "<script") {
		t.Errorf("comments on answer 3 = %+v", answers[0].Comments)
	}
	if len(comments) != 1 || !strings.Contains(comments[0].BodyHTML, `href="http://example.com/citra"`) ||
		!strings.Contains(comments[0].Body, "https://test.stackexchange.com/posts/comments/100") {
		t.Errorf("comments on question 1 = %+v", comments)
	}

	// Question 12 comes after its answer in the file, has pipe-written tags and is by the site's own account.
	q12, err := s.Post(ctx, v, localID(t, s, site, "12", store.ImportedPost))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q12.Tags, []string{"glassware", "stout"}) || q12.AuthorName != "Community" ||
		q12.AcceptedAnswerID != localID(t, s, site, "7", store.ReplyAnswer) {
		t.Errorf("question 12 = %+v", q12)
	}
	answers, _, err = s.Replies(ctx, store.Viewer{}, q12.ID, q12.AcceptedAnswerID)
	if err != nil || len(answers) != 1 || answers[0].AuthorName != "Old Timer" || !strings.Contains(answers[0].Body, "by Old Timer, [CC BY-SA 3.0]") {
		t.Errorf("answers of question 12 = %+v, %v", answers, err)
	}

	// The hostile question is kept as harmless text.
	q8, err := s.Post(ctx, v, localID(t, s, site, "8", store.ImportedPost))
	if err != nil {
		t.Fatal(err)
	}
	if q8.Title != "<b>XSS</b> in a title" || !slices.Equal(q8.Tags, []string{"safety"}) {
		t.Errorf("question 8 = %+v", q8)
	}
	checkSafe(t, "question 8", q8.Body)
	if !strings.HasPrefix(q8.Body, "Hi[Image](https://test.stackexchange.com/x)click") {
		t.Errorf("question 8 body = %q", q8.Body)
	}

	// Authors are deactivated people who cannot sign in; users without posts are not created.
	for email, name := range map[string]string{
		"se-test-7@import.invalid": "Ada *Brewer*", "se-test-12@import.invalid": "Bo Malt", "se-test-community@import.invalid": "Community",
		"se-test-unknown@import.invalid": "Unknown user",
	} {
		p, err := s.PersonByEmail(ctx, email)
		if err != nil || p.Name != name || !p.Deactivated || p.Admin {
			t.Errorf("PersonByEmail(%s) = %+v, %v; want %s, deactivated", email, p, err, name)
		}
		if _, _, err := s.PasswordHash(ctx, email); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s can sign in: PasswordHash err = %v", email, err)
		}
	}
	if p, err := s.PersonByEmail(ctx, "se-test-7@import.invalid"); err == nil && !p.CreatedAt.Equal(time.Date(2014, 1, 20, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("user 7 joined %v, want the date of Users.xml", p.CreatedAt)
	}
	if _, err := s.PersonByEmail(ctx, "se-test-50@import.invalid"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a user without posts was created: %v", err)
	}

	// A second run adds nothing, and says so.
	log.Reset()
	again, err := StackExchange(ctx, s, "testdata/bad", Options{CommunityID: c.ID, Site: site, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	again.Elapsed = 0
	want = Summary{Site: site, Questions: Count{Existing: 4}, Answers: Count{Existing: 2}, Accepted: Count{Existing: 2}, Comments: Count{Existing: 2},
		Skipped: 10, Ignored: 1}
	if again != want {
		t.Errorf("second run\n got %+v\nwant %+v", again, want)
	}
	if cc, err := s.CommunityByID(ctx, v, c.ID); err != nil || cc.PostCount != 4 {
		t.Errorf("community post count after two runs = %d, %v; want 4", cc.PostCount, err)
	}
}

// TestImportKeepsLocalChanges: an acceptance withdrawn or a post deleted
// here is not undone by importing again.
func TestImportKeepsLocalChanges(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s := storetest.Open(t)
	v, c := setup(t, s, "test")
	const site = "test.stackexchange.com"
	if _, err := StackExchange(ctx, s, "testdata/bad", Options{CommunityID: c.ID, Site: site}); err != nil {
		t.Fatal(err)
	}
	q1 := localID(t, s, site, "1", store.ImportedPost)
	if err := s.Accept(ctx, v.ID, q1, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePost(ctx, v.ID, localID(t, s, site, "12", store.ImportedPost), true); err != nil {
		t.Fatal(err)
	}
	sum, err := StackExchange(ctx, s, "testdata/bad", Options{CommunityID: c.ID, Site: site})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Questions.New != 0 || sum.Accepted.New != 0 || sum.Answers.New != 0 {
		t.Errorf("second run imported again: %+v", sum)
	}
	if p, err := s.Post(ctx, v, q1); err != nil || p.AcceptedAnswerID != 0 {
		t.Errorf("the withdrawn acceptance came back: %+v, %v", p.AcceptedAnswerID, err)
	}

	// The site's posts stay in one community.
	_, other := setup(t, s, "other")
	if _, err := StackExchange(ctx, s, "testdata/bad", Options{CommunityID: other.ID, Site: site}); err == nil || !strings.Contains(err.Error(), "another community") {
		t.Errorf("importing the site into a second community: err = %v", err)
	}
}

// dumps returns the folder of the real Stack Exchange dumps next to the repository.
func dumps(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if dir == filepath.Dir(dir) {
			t.Fatal("no go.mod above the test")
		}
	}
	data := filepath.Join(dir, "..", "shared", "data", "stackexchange")
	if _, err := os.Stat(filepath.Join(data, "beer", "Posts.xml")); err != nil {
		t.Skipf("the real Stack Exchange dumps are not at %s (../shared/data/stackexchange from the repository root): %v", data, err)
	}
	return data
}

// TestImportRealDumps imports the beer and coffee dumps into one store and
// checks them against the figures in their README, then imports them again.
func TestImportRealDumps(t *testing.T) {
	t.Parallel()
	data := dumps(t)
	ctx := t.Context()
	s := storetest.Open(t)
	for _, tc := range []struct {
		site                                  string
		questions, answers, accepted, ignored int
		author                                string // the OwnerUserId of question 1
	}{
		// README: 663 questions and 1,572 answers; 410 questions have an
		// accepted answer; 119 rows are tag wikis (58 + 58) and 3 site notices.
		{"beer", 663, 1572, 410, 119, "7"},
		// README: 225 questions and 327 answers; 105 accepted; 40 tag-wiki rows.
		{"coffee", 225, 327, 105, 40, "4"},
	} {
		site := tc.site + ".stackexchange.com"
		v, c := setup(t, s, tc.site)
		var log bytes.Buffer
		start := time.Now()
		sum, err := StackExchange(ctx, s, filepath.Join(data, tc.site), Options{CommunityID: c.ID, Log: &log})
		if err != nil {
			t.Fatalf("%s: %v\n%s", tc.site, err, log.String())
		}
		t.Logf("%s: %+v in %s", tc.site, sum, time.Since(start).Round(time.Millisecond))
		if sum.Site != site || sum.Questions.New != tc.questions || sum.Answers.New != tc.answers || sum.Accepted.New != tc.accepted ||
			sum.Skipped != 0 || sum.Ignored != tc.ignored || sum.People == 0 {
			t.Errorf("%s: summary %+v, want %d questions, %d answers, %d accepted, %d ignored, none skipped\n%s",
				tc.site, sum, tc.questions, tc.answers, tc.accepted, tc.ignored, log.String())
		}
		if strings.Contains(log.String(), "line ") {
			t.Errorf("%s: rows were reported:\n%s", tc.site, log.String())
		}

		// Walk every imported question as a reader would see it.
		var questions, answers, accepted int
		tags := map[string]bool{}
		sourceRe := regexp.MustCompile(`^https://` + regexp.QuoteMeta(site) + `/questions/[0-9]+$`)
		for cur := (store.Cursor{}); ; {
			page, next, err := s.Posts(ctx, v, store.PostFilter{CommunityID: c.ID}, cur, 100)
			if err != nil {
				t.Fatal(err)
			}
			for _, listed := range page {
				p, err := s.Post(ctx, v, listed.ID)
				if err != nil {
					t.Fatal(err)
				}
				questions++
				if !sourceRe.MatchString(p.SourceURL) || !strings.Contains(p.Body, "*Originally asked on ["+site+"]("+p.SourceURL+") by ") ||
					!strings.Contains(p.BodyHTML, `href="`+p.SourceURL+`"`) {
					t.Errorf("%s: post %d does not link back to its original %q:\n%s", tc.site, p.ID, p.SourceURL, p.Body)
				}
				if len(p.Tags) == 0 || p.Title == "" || p.CreatedAt.Year() < 2014 || p.AuthorName == "" {
					t.Errorf("%s: post %d = %+v", tc.site, p.ID, p)
				}
				for _, tag := range p.Tags {
					tags[tag] = true
				}
				checkSafe(t, p.SourceURL, p.Body)
				as, _, err := s.Replies(ctx, store.Viewer{}, p.ID, p.AcceptedAnswerID)
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(as)) != p.AnswerCount {
					t.Errorf("%s: post %d counts %d answers and has %d", tc.site, p.ID, p.AnswerCount, len(as))
				}
				answers += len(as)
				if p.AcceptedAnswerID != 0 {
					accepted++
					if len(as) == 0 || !as[0].Accepted {
						t.Errorf("%s: post %d: the accepted answer %d is not among its answers", tc.site, p.ID, p.AcceptedAnswerID)
					}
				}
				for _, a := range as {
					if !strings.Contains(a.Body, "*Originally answered on ["+site+"](https://"+site+"/a/") {
						t.Errorf("%s: answer %d lacks its attribution:\n%s", tc.site, a.ID, a.Body)
					}
					checkSafe(t, fmt.Sprintf("answer %d", a.ID), a.Body)
				}
			}
			if next.ID == 0 {
				break
			}
			cur = next
		}
		if questions != tc.questions || answers != tc.answers || accepted != tc.accepted || len(tags) < 50 {
			t.Errorf("%s: read back %d questions, %d answers, %d accepted, %d tags; want %d, %d, %d and at least 50 tags",
				tc.site, questions, answers, accepted, len(tags), tc.questions, tc.answers, tc.accepted)
		}
		if cc, err := s.CommunityByID(ctx, v, c.ID); err != nil || cc.PostCount != int64(tc.questions) {
			t.Errorf("%s: community counts %d posts, %v", tc.site, cc.PostCount, err)
		}
		p, err := s.PersonByEmail(ctx, "se-"+tc.site+"-"+tc.author+"@import.invalid")
		if err != nil || !p.Deactivated || p.Name != "user"+tc.author {
			t.Errorf("%s: author %s = %+v, %v; want a deactivated user%[2]s", tc.site, tc.author, p, err)
		}
		if _, _, err := s.PasswordHash(ctx, p.Email); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: author %s can sign in: %v", tc.site, tc.author, err)
		}

		// Again: nothing new.
		again, err := StackExchange(ctx, s, filepath.Join(data, tc.site), Options{CommunityID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		if again.Questions != (Count{Existing: tc.questions}) || again.Answers != (Count{Existing: tc.answers}) ||
			again.Accepted != (Count{Existing: tc.accepted}) || again.People != 0 || again.Skipped != 0 {
			t.Errorf("%s: second run %+v, want everything imported already", tc.site, again)
		}
		if cc, err := s.CommunityByID(ctx, v, c.ID); err != nil || cc.PostCount != int64(tc.questions) {
			t.Errorf("%s: community counts %d posts after the second run, %v", tc.site, cc.PostCount, err)
		}
	}
}

// writeDump writes a generated Posts.xml of about size bytes: questions of
// about bodySize bytes of HTML, each with one accepted answer, by a few
// hundred authors.
func writeDump(t *testing.T, dir string, size, bodySize int) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "Posts.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cw := &countWriter{w: bufio.NewWriter(f)}
	fmt.Fprintln(cw, `<?xml version="1.0" encoding="utf-8"?>`+"\n<posts>")
	para := `&lt;p&gt;The &lt;em&gt;mash&lt;/em&gt; rests at 67 °C for an hour; see &lt;a href=&quot;/questions/1&quot;&gt;this&lt;/a&gt; and &lt;code&gt;og &amp;lt; 1.050&lt;/code&gt;.&lt;/p&gt;&#xA;`
	body := strings.Repeat(para, max(1, bodySize/len(para)))
	for id := 1; cw.n < int64(size); id += 2 {
		date := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(id) * time.Minute).Format("2006-01-02T15:04:05.000")
		fmt.Fprintf(cw, `  <row Id="%d" PostTypeId="1" AcceptedAnswerId="%d" CreationDate="%s" Score="3" Body="%s" OwnerUserId="%d" Title="Generated question %d" Tags="&lt;mash&gt;&lt;g%d&gt;" />`+"\n",
			id, id+1, date, body, id%300+1, id, id%50)
		fmt.Fprintf(cw, `  <row Id="%d" PostTypeId="2" ParentId="%d" CreationDate="%s" Score="1" Body="%s" OwnerUserId="%d" />`+"\n",
			id+1, id, date, body, id%200+1)
	}
	fmt.Fprintln(cw, "</posts>")
	if err := cw.w.(*bufio.Writer).Flush(); err != nil {
		t.Fatal(err)
	}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// peakHeap imports dir into a fresh SQLite store (the database's own memory
// is not the importer's) and returns the largest heap in use meanwhile.
func peakHeap(t *testing.T, dir string) (uint64, Summary) {
	t.Helper()
	s, err := store.Open(t.Context(), "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	_, c := setup(t, s, "generated")
	runtime.GC()
	var peak uint64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	sum, err := StackExchange(t.Context(), s, dir, Options{CommunityID: c.ID, Site: "generated.stackexchange.com"})
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	return peak, sum
}

// TestImportMemoryIsFlat imports a generated 5 MB and a 50 MB Posts.xml and
// checks that the heap in use does not grow with the file: the importer
// streams, and what it imported is looked up in the database, not kept.
func TestImportMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 55 MB of generated posts")
	}
	const bodySize = 8 << 10
	small, large := t.TempDir(), t.TempDir()
	writeDump(t, small, 5<<20, bodySize)
	writeDump(t, large, 50<<20, bodySize)
	smallPeak, smallSum := peakHeap(t, small)
	largePeak, largeSum := peakHeap(t, large)
	t.Logf("5 MB: peak heap in use %.1f MB, %+v", float64(smallPeak)/(1<<20), smallSum)
	t.Logf("50 MB: peak heap in use %.1f MB, %+v", float64(largePeak)/(1<<20), largeSum)
	if largeSum.Questions.New < 2500 || largeSum.Answers.New != largeSum.Questions.New || largeSum.Accepted.New != largeSum.Questions.New || largeSum.Skipped != 0 {
		t.Fatalf("the generated dump did not import whole: %+v", largeSum)
	}
	// Generous bounds: a file held in memory would need 50 MB for its bytes alone.
	const limit = 40 << 20
	if largePeak > limit || largePeak > smallPeak+16<<20 {
		t.Errorf("peak heap in use: %.1f MB for 50 MB of posts, %.1f MB for 5 MB; want under %d MB and within 16 MB of each other",
			float64(largePeak)/(1<<20), float64(smallPeak)/(1<<20), limit>>20)
	}
}
