package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// Crash safety: the real binary, 100 writers, SIGKILL at a random moment,
// again and again; every write the server acknowledged must be there, whole.
const (
	crashRounds  = 10
	crashWriters = 100
)

// ackedPost is a post the server answered 201 for.
type ackedPost struct {
	id    int64
	title string
	body  string
	tags  []string
	word  string // a word only this post has, to find it in the search index
}

// ackedAnswer is an answer the server answered 201 for.
type ackedAnswer struct {
	id, postID int64
	body       string
}

// crashLog collects acknowledged writes from all writers.
type crashLog struct {
	mu      sync.Mutex
	posts   []ackedPost
	answers []ackedAnswer
	refused map[int]int // other statuses, by status
}

// TestCrashSafety builds the tacit binary, and in each round starts it on
// the same database, has 100 writers post questions and answers through the
// API, and kills it with SIGKILL after a random moment. At the end, with the
// server dead, it reads the database directly: every acknowledged post is
// there with its title, body, tags and search index entry, every
// acknowledged answer with its text, counters equal rows, and on SQLite the
// integrity and full-text index checks pass. Run on PostgreSQL too when
// TACIT_TEST_DATABASE_URL is set. Skipped with -short (it takes 10–30 s).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "tacit")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	dbURL := storetest.URL(t)
	common := []string{"--data", dir}
	if dbURL != "" {
		common = append(common, "--database-url", dbURL)
	}
	cli := func(stdin string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append(args, common...)...)
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tacit %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cli("", "migrate")
	cli("ett-langt-losenord\nett-langt-losenord\n", "user", "add", "--email", "krasch@example.se", "--name", "Krasch Testare", "--admin")
	token := regexp.MustCompile(`tacit_[A-Za-z0-9_-]+`).FindString(cli("", "token", "create", "--email", "krasch@example.se", "--scope", "write"))
	if token == "" {
		t.Fatal("no token printed")
	}

	log := &crashLog{refused: map[int]int{}}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: crashWriters}}
	for round := range crashRounds {
		t0 := time.Now()
		base, srv := startBinary(t, bin, common)
		t1 := time.Now()
		if round == 0 {
			res := apiCall(client, base, token, "POST", "/api/v1/communities", `{"slug":"krasch","name":"Kraschtest","kind":"subject","visibility":"open"}`)
			if res.status != http.StatusCreated {
				t.Fatalf("create community: %d %s", res.status, res.body)
			}
		}
		// Everything acknowledged before is still readable after the restart.
		log.mu.Lock()
		if n := len(log.posts); n > 0 {
			p := log.posts[rand.IntN(n)]
			if res := apiCall(client, base, token, "GET", fmt.Sprintf("/api/v1/posts/%d", p.id), ""); res.status != http.StatusOK || !strings.Contains(res.body, p.word) {
				t.Errorf("round %d: acknowledged post %d after restart: %d", round, p.id, res.status)
			}
		}
		log.mu.Unlock()

		ctx, stop := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for w := range crashWriters {
			wg.Go(func() { crashWriter(ctx, client, base, token, round, w, log) })
		}
		// Kill at a random moment once writes are flowing in this round.
		acked := func() int { log.mu.Lock(); defer log.mu.Unlock(); return len(log.posts) + len(log.answers) }
		for start, deadline := acked(), time.Now().Add(time.Minute); acked() < start+crashWriters/4; {
			if time.Now().After(deadline) {
				log.mu.Lock()
				refused := fmt.Sprint(log.refused)
				log.mu.Unlock()
				t.Fatalf("round %d: the server acknowledged %d writes in a minute; other answers by status: %s", round, acked()-start, refused)
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(time.Duration(rand.IntN(700)) * time.Millisecond)
		if err := srv.Process.Kill(); err != nil { // SIGKILL: no shutdown, no flush
			t.Fatal(err)
		}
		_ = srv.Wait()
		t2 := time.Now()
		stop()
		wg.Wait()
		client.CloseIdleConnections()
		t.Logf("round %d: start %v, write %v, stop %v", round, t1.Sub(t0), t2.Sub(t1), time.Since(t2))
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	t.Logf("%d rounds: %d posts and %d answers acknowledged; other answers by status: %v", crashRounds, len(log.posts), len(log.answers), log.refused)
	if len(log.posts) < crashRounds*crashWriters/4 {
		t.Fatalf("only %d posts acknowledged in %d rounds: the writers did not really write", len(log.posts), crashRounds)
	}
	began := time.Now()
	verifyAfterCrash(t, dbURL, dir, log)
	t.Logf("verified in %v", time.Since(began))
}

// startBinary starts the server and returns its URL once it serves.
func startBinary(t *testing.T, bin string, common []string) (string, *exec.Cmd) {
	t.Helper()
	// The one writing account is a minute old and writes thousands of
	// posts an hour: like an operator running a load test, switch the
	// new-account posting limit off (docs/moderation.md), or the server
	// rightly answers 429 after the tenth post.
	cmd := exec.Command(bin, append([]string{"--addr", "127.0.0.1:0", "--log-level", "error", "--new-account-age", "0"}, common...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	re := regexp.MustCompile(`running at (http://[0-9.:]+)`)
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if m := re.FindStringSubmatch(lines.Text()); m != nil {
			go func() { _, _ = io.Copy(io.Discard, stdout) }()
			return m[1], cmd
		}
	}
	_ = cmd.Wait()
	t.Fatalf("server did not start: %s", stderr.String())
	return "", nil
}

type apiResult struct {
	status int
	body   string
	err    error
}

func apiCall(client *http.Client, base, token, method, path, body string) apiResult {
	return apiCallCtx(context.Background(), client, base, token, method, path, body)
}

func apiCallCtx(ctx context.Context, client *http.Client, base, token, method, path, body string) apiResult {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return apiResult{err: err}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := client.Do(req)
	if err != nil {
		return apiResult{err: err}
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return apiResult{status: res.StatusCode, body: string(b), err: err}
}

// crashWriter posts questions, and answers to acknowledged questions, until the
// server dies. Only 201 answers with an id count as acknowledged.
func crashWriter(ctx context.Context, client *http.Client, base, token string, round, w int, log *crashLog) {
	for n := 0; ctx.Err() == nil; n++ {
		// A third of the writes answer an acknowledged question, any writer's.
		var postID int64
		log.mu.Lock()
		if len(log.posts) > 0 && rand.IntN(3) == 0 {
			postID = log.posts[rand.IntN(len(log.posts))].id
		}
		log.mu.Unlock()
		if postID != 0 {
			body := fmt.Sprintf("Svar %d-%d-%d: starta om routern först.", round, w, n)
			res := apiCallCtx(ctx, client, base, token, "POST", fmt.Sprintf("/api/v1/posts/%d/answers", postID), fmt.Sprintf(`{"body":%q}`, body))
			if res.err != nil {
				return
			}
			var got struct{ ID int64 }
			log.mu.Lock()
			if res.status == http.StatusCreated && json.Unmarshal([]byte(res.body), &got) == nil && got.ID > 0 {
				log.answers = append(log.answers, ackedAnswer{id: got.ID, postID: postID, body: body})
			} else {
				log.refused[res.status]++
			}
			log.mu.Unlock()
			continue
		}
		// A made-up word only this post has: consonants for the digits and
		// a consonant at the end, so no stemmer suffix or compound part
		// makes two of them one term.
		word := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return rune("bcdfghjklm"[r-'0'])
			}
			return r
		}, fmt.Sprintf("qzv%dw%dw%dxq", round, w, n))
		p := ackedPost{
			title: fmt.Sprintf("Kraschfråga %d från skribent %d nummer %d", round, w, n),
			body:  "Hur gör man när " + word + " inte fungerar?",
			tags:  []string{"krasch", fmt.Sprintf("skribent-%d", w)},
			word:  word,
		}
		body, _ := json.Marshal(map[string]any{"type": "question", "title": p.title, "body": p.body, "tags": p.tags, "language": "sv"})
		res := apiCallCtx(ctx, client, base, token, "POST", "/api/v1/communities/krasch/posts", string(body))
		if res.err != nil {
			return
		}
		var got struct{ ID int64 }
		log.mu.Lock()
		if res.status == http.StatusCreated && json.Unmarshal([]byte(res.body), &got) == nil && got.ID > 0 {
			p.id = got.ID
			log.posts = append(log.posts, p)
		} else {
			log.refused[res.status]++
		}
		log.mu.Unlock()
	}
}

// verifyAfterCrash reads the database of the killed server directly.
func verifyAfterCrash(t *testing.T, dbURL, dir string, log *crashLog) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dbURL, dir)
	if err != nil {
		t.Fatalf("open after crash: %v", err)
	}
	defer s.Close()
	raw := openRaw(t, dbURL, dir)
	var personID int64
	if err := raw.QueryRow(`SELECT id FROM people WHERE email = 'krasch@example.se'`).Scan(&personID); err != nil {
		t.Fatal(err)
	}

	if dbURL == "" {
		var check string
		if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
			t.Errorf("PRAGMA integrity_check = %q, %v; want ok", check, err)
		}
		if _, err := raw.Exec(`INSERT INTO post_search(post_search) VALUES('integrity-check')`); err != nil {
			t.Errorf("FTS5 integrity-check of post_search: %v", err)
		}
	}

	for _, p := range log.posts {
		var title, body string
		err := raw.QueryRow(`SELECT title, body FROM posts WHERE id = $1 AND deleted_at IS NULL`, p.id).Scan(&title, &body)
		if err != nil || title != p.title || body != p.body {
			t.Errorf("acknowledged post %d: %q %q, %v; want %q %q", p.id, title, body, err, p.title, p.body)
			continue
		}
		tags := queryStrings(t, raw, `SELECT tag FROM post_tags WHERE post_id = $1 ORDER BY tag`, p.id)
		want := slices.Clone(p.tags)
		slices.Sort(want)
		if !slices.Equal(tags, want) {
			t.Errorf("acknowledged post %d: tags %v, want %v", p.id, tags, want)
		}
		res, err := s.Search(ctx, store.Viewer{ID: personID}, search.Parse(p.word), 1, 5)
		if err != nil {
			t.Fatalf("search: %v", err)
		}
		if len(res.Hits) != 1 || res.Hits[0].ID != p.id {
			var hits []string
			for _, h := range res.Hits {
				hits = append(hits, fmt.Sprintf("%d %q", h.ID, h.Title))
			}
			t.Errorf("acknowledged post %d: search for %q found %v, want exactly it", p.id, p.word, hits)
		}
	}
	for _, a := range log.answers {
		var body string
		var postID int64
		err := raw.QueryRow(`SELECT body, post_id FROM replies WHERE id = $1 AND kind = 'answer' AND deleted_at IS NULL`, a.id).Scan(&body, &postID)
		if err != nil || body != a.body || postID != a.postID {
			t.Errorf("acknowledged answer %d: %q on %d, %v; want %q on %d", a.id, body, postID, err, a.body, a.postID)
		}
	}

	// Nothing half-written: every counter equals its rows, every post has
	// its tags' rows' post and its index entry, no reply hangs off nothing.
	for what, q := range map[string]string{
		"communities whose post count is not their posts": `SELECT COUNT(*) FROM communities c WHERE c.post_count <>
			(SELECT COUNT(*) FROM posts p WHERE p.community_id = c.id AND p.deleted_at IS NULL)`,
		"posts whose answer count is not their answers": `SELECT COUNT(*) FROM posts p WHERE p.answer_count <>
			(SELECT COUNT(*) FROM replies r WHERE r.post_id = p.id AND r.kind = 'answer' AND r.deleted_at IS NULL)`,
		"communities whose member count is not their members": `SELECT COUNT(*) FROM communities c WHERE c.member_count <>
			(SELECT COUNT(*) FROM memberships m WHERE m.community_id = c.id)`,
		"replies without a post":  `SELECT COUNT(*) FROM replies r WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = r.post_id)`,
		"tags without a post":     `SELECT COUNT(*) FROM post_tags t WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = t.post_id)`,
		"posts without revisions": `SELECT COUNT(*) FROM posts p WHERE p.revision_count > (SELECT COUNT(*) FROM revisions r WHERE r.post_id = p.id)`,
		"posts missing from the search index": func() string {
			if dbURL == "" {
				return `SELECT COUNT(*) FROM posts p WHERE p.deleted_at IS NULL AND p.id NOT IN (SELECT rowid FROM post_search)`
			}
			return `SELECT COUNT(*) FROM posts p WHERE p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM post_search s WHERE s.post_id = p.id)`
		}(),
	} {
		var n int64
		if err := raw.QueryRow(q).Scan(&n); err != nil {
			t.Errorf("%s: %v", what, err)
		} else if n != 0 {
			t.Errorf("%d %s", n, what)
		}
	}
}

func queryStrings(t *testing.T, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}
