// Package importer brings the content of other question-and-answer sites into
// a Tacit community, keeping its authors, dates and licence attribution, and
// remembering what it imported so that running it again adds nothing twice.
package importer

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tacit-org/tacit/internal/store"
)

// Options says where an import goes and how it reports.
type Options struct {
	CommunityID int64
	// Site is the Stack Exchange site the dump comes from, such as
	// beer.stackexchange.com. Empty means the dump folder's name, with
	// .stackexchange.com added when it has no dot: beer/ is beer.stackexchange.com.
	Site string
	// Language of the imported posts, "en" when empty.
	Language string
	// Log receives progress and one "line N: reason" line per row that was
	// not imported; Terminal draws the progress as a bar redrawn in place.
	Log      io.Writer
	Terminal bool
}

// Count is how many records of one kind an import added, and how many it
// found imported already by an earlier run.
type Count struct {
	New      int
	Existing int
}

// Summary tells what an import did.
type Summary struct {
	Site      string
	Questions Count
	Answers   Count
	Comments  Count
	Accepted  Count // accepted answers marked
	People    int   // authors created, as deactivated people
	Named     int   // authors given their name from Users.xml
	Skipped   int   // rows, or parts of rows, not imported; each was reported with its line
	Ignored   int   // rows that are neither questions nor answers: tag wikis, site notices
	Elapsed   time.Duration
}

// SiteFor is the site a dump folder holds, by the folder's name.
func SiteFor(dir string) string {
	name := strings.ToLower(filepath.Base(filepath.Clean(dir)))
	if !strings.Contains(name, ".") {
		name += ".stackexchange.com"
	}
	return name
}

// StackExchange imports a Stack Exchange data dump from dir: Posts.xml, and
// Users.xml and Comments.xml when they are there, into a community.
// Questions become question posts with their tags, answers become answers,
// the accepted answer is marked, and comments become comments; each keeps
// its date, its score (in the import mapping) and its author. Authors become
// deactivated people who cannot sign in, named from Users.xml, or from the
// post when the dump has no Users.xml. HTML bodies become Markdown, and every
// body ends with a line that links to the original and names its author and
// licence, as CC BY-SA asks. Tags.xml adds nothing: every question carries
// its own tags.
//
// The files are streamed, several times (authors, questions, answers,
// accepted answers, comments), so that an answer may come before its
// question in the file; what was imported is looked up in the database,
// never held in memory, so memory stays flat for any size of dump. A row
// that cannot be imported is reported with its line number and skipped; an
// error of the database stops the import, and running it again continues
// where it stopped.
func StackExchange(ctx context.Context, st *store.Store, dir string, opt Options) (Summary, error) {
	start := time.Now()
	if opt.Site == "" {
		opt.Site = SiteFor(dir)
	}
	opt.Site = strings.ToLower(strings.TrimSpace(opt.Site))
	if opt.Language == "" {
		opt.Language = "en"
	}
	base, err := url.Parse("https://" + opt.Site + "/")
	if err != nil || base.Host != opt.Site || strings.ContainsAny(opt.Site, "/@:") {
		return Summary{}, fmt.Errorf("import: %q is not a site name like beer.stackexchange.com", opt.Site)
	}
	// One site's posts stay together: an import that stopped goes on where
	// it began, not in a second community that would hold only the rest.
	if id, err := st.ImportedCommunity(ctx, opt.Site); err == nil && id != opt.CommunityID {
		return Summary{}, fmt.Errorf("import: %s was imported into another community (id %d) before; import it there again to continue", opt.Site, id)
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return Summary{}, err
	}
	posts := filepath.Join(dir, "Posts.xml")
	if _, err := os.Stat(posts); err != nil {
		return Summary{}, fmt.Errorf("import: a Stack Exchange dump needs Posts.xml: %w", err)
	}
	users, comments := optional(filepath.Join(dir, "Users.xml")), optional(filepath.Join(dir, "Comments.xml"))

	im := &seImport{st: st, opt: opt, base: base, prog: newProgress(opt.Log, opt.Terminal),
		authors: map[string]store.Person{}, sum: Summary{Site: opt.Site}}
	type step struct {
		name string
		file string
		run  func(ctx context.Context, file string) error
	}
	var steps []step
	if users != "" {
		// Authors first, so that every body names them as Users.xml does.
		steps = append(steps, step{"authors", posts, im.postAuthors})
		if comments != "" {
			steps = append(steps, step{"authors", comments, im.commentAuthors})
		}
		steps = append(steps, step{"names", users, im.names})
	}
	steps = append(steps, step{"questions", posts, im.questions}, step{"answers", posts, im.answers}, step{"accepted", posts, im.accepted})
	if comments != "" {
		steps = append(steps, step{"comments", comments, im.comments})
	}
	for i, s := range steps {
		size := int64(0)
		if fi, err := os.Stat(s.file); err == nil {
			size = fi.Size()
		}
		im.prog.begin(i+1, len(steps), s.name, size)
		err := s.run(ctx, s.file)
		im.prog.end()
		if err != nil {
			im.sum.Elapsed = time.Since(start)
			return im.sum, err
		}
		if s.name == "names" {
			clear(im.authors) // names changed
		}
	}
	im.sum.Elapsed = time.Since(start)
	return im.sum, nil
}

func optional(path string) string {
	if _, err := os.Stat(path); err != nil {
		return ""
	}
	return path
}

type seImport struct {
	st      *store.Store
	opt     Options
	base    *url.URL
	prog    *progress
	authors map[string]store.Person // a bounded cache: most authors write more than once
	sum     Summary
}

// bad reports a row that is not imported.
func (im *seImport) bad(line int, format string, args ...any) {
	im.sum.Skipped++
	im.prog.problem(line, fmt.Sprintf(format, args...))
}

// post is what the passes read of a Posts.xml row.
type post struct {
	id, typ, parent, accepted string
	created                   time.Time
	title, body, tags         string
	score                     int64
	userID, userName          string
}

// readPost checks a row of Posts.xml. It returns a reason when the row
// cannot be imported; rows that are neither questions nor answers are left
// to the caller, as their bodies may be empty.
func readPost(r row) (post, string) {
	p := post{typ: r.get("PostTypeId"), parent: r.get("ParentId"), accepted: r.get("AcceptedAnswerId"),
		title: strings.TrimSpace(r.get("Title")), body: r.get("Body"), tags: r.get("Tags"),
		userID: r.get("OwnerUserId"), userName: strings.TrimSpace(r.get("OwnerDisplayName"))}
	p.score, _ = strconv.ParseInt(r.get("Score"), 10, 64)
	var ok bool
	if p.id, ok = positiveID(r.get("Id")); !ok {
		return p, fmt.Sprintf("the row has no valid Id (%q)", r.get("Id"))
	}
	if p.typ != "1" && p.typ != "2" {
		return p, ""
	}
	if p.created, ok = parseDate(r.get("CreationDate")); !ok {
		return p, fmt.Sprintf("post %s: CreationDate %q is not a date", p.id, r.get("CreationDate"))
	}
	if strings.TrimSpace(p.body) == "" {
		return p, fmt.Sprintf("post %s has an empty body", p.id)
	}
	if p.typ == "1" && p.title == "" {
		return p, fmt.Sprintf("question %s has no title", p.id)
	}
	if p.typ == "2" {
		if p.parent, ok = positiveID(p.parent); !ok {
			return p, fmt.Sprintf("answer %s has no valid ParentId (%q)", p.id, r.get("ParentId"))
		}
	}
	return p, ""
}

// postAuthors creates the authors of questions and answers, before Users.xml names them.
func (im *seImport) postAuthors(ctx context.Context, file string) error {
	return im.read(ctx, file, false, func(line int, r row) error {
		p, problem := readPost(r)
		if problem != "" || (p.typ != "1" && p.typ != "2") {
			return nil // reported by the questions and answers steps
		}
		_, err := im.author(ctx, p.userID, p.userName, p.created)
		return err
	})
}

// commentAuthors creates the authors of comments, before Users.xml names them.
func (im *seImport) commentAuthors(ctx context.Context, file string) error {
	return im.read(ctx, file, false, func(line int, r row) error {
		c, problem := readComment(r)
		if problem != "" {
			return nil
		}
		_, err := im.author(ctx, c.userID, c.userName, c.created)
		return err
	})
}

// names gives the authors created so far their names from Users.xml.
// Users without content in the dump are not created.
func (im *seImport) names(ctx context.Context, file string) error {
	return im.read(ctx, file, true, func(line int, r row) error {
		id, ok := userID(r.get("Id"))
		if !ok {
			im.bad(line, "the user has no valid Id (%q)", r.get("Id"))
			return nil
		}
		name := cleanName(r.get("DisplayName"))
		if name == "" {
			return nil // keep the name the author was created with
		}
		created, _ := parseDate(r.get("CreationDate"))
		changed, err := im.st.UpdateImportedAuthor(ctx, store.ExternalRef{Source: im.opt.Site, ID: id},
			store.ImportedAuthor{Name: name, Bio: im.bio(id), CreatedAt: created})
		if changed {
			im.sum.Named++
		}
		return err
	})
}

func (im *seImport) questions(ctx context.Context, file string) error {
	return im.read(ctx, file, true, func(line int, r row) error {
		p, problem := readPost(r)
		if problem != "" {
			im.bad(line, "%s", problem)
			return nil
		}
		if p.typ != "1" {
			if p.typ != "2" {
				im.sum.Ignored++
			}
			return nil
		}
		ref := store.ExternalRef{Source: im.opt.Site, ID: p.id, Score: p.score}
		if _, err := im.st.ImportedID(ctx, ref.Source, ref.ID, store.ImportedPost); err == nil {
			im.sum.Questions.Existing++
			return nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		body := toMarkdown(p.body, im.base)
		if strings.TrimSpace(body) == "" {
			im.bad(line, "question %s has no text once its HTML is read", p.id)
			return nil
		}
		author, err := im.author(ctx, p.userID, p.userName, p.created)
		if err != nil {
			return err
		}
		source := im.base.JoinPath("questions", p.id).String()
		tags, dropped := parseTags(p.tags)
		for _, t := range dropped {
			im.prog.problem(line, fmt.Sprintf("question %s: tag %q is not a valid Tacit tag and was left out", p.id, t))
		}
		_, created, err := im.st.ImportPost(ctx, ref, store.NewPost{
			CommunityID: im.opt.CommunityID, AuthorID: author.ID, Type: store.TypeQuestion, Title: cleanName(p.title),
			Body:     body + "\n\n" + im.attribution("asked", source, author.Name, p.userID, p.created),
			Language: im.opt.Language, Tags: tags, CreatedAt: p.created, SourceURL: source,
		})
		if err != nil {
			return err
		}
		count(&im.sum.Questions, created)
		return nil
	})
}

func (im *seImport) answers(ctx context.Context, file string) error {
	return im.read(ctx, file, false, func(line int, r row) error {
		p, problem := readPost(r)
		if problem != "" || p.typ != "2" {
			return nil // reported by the questions step
		}
		ref := store.ExternalRef{Source: im.opt.Site, ID: p.id, Score: p.score}
		if _, err := im.st.ImportedID(ctx, ref.Source, ref.ID, store.ReplyAnswer); err == nil {
			im.sum.Answers.Existing++
			return nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		questionID, err := im.st.ImportedID(ctx, im.opt.Site, p.parent, store.ImportedPost)
		if errors.Is(err, store.ErrNotFound) {
			im.bad(line, "answer %s is to question %s, which is not in the dump or was skipped", p.id, p.parent)
			return nil
		} else if err != nil {
			return err
		}
		body := toMarkdown(p.body, im.base)
		if strings.TrimSpace(body) == "" {
			im.bad(line, "answer %s has no text once its HTML is read", p.id)
			return nil
		}
		author, err := im.author(ctx, p.userID, p.userName, p.created)
		if err != nil {
			return err
		}
		_, created, err := im.st.ImportReply(ctx, ref, store.NewReply{
			PostID: questionID, Kind: store.ReplyAnswer, AuthorID: author.ID, CreatedAt: p.created,
			Body: body + "\n\n" + im.attribution("answered", im.base.JoinPath("a", p.id).String(), author.Name, p.userID, p.created),
		})
		if errors.Is(err, store.ErrNotFound) {
			im.bad(line, "answer %s is to question %s, which has been deleted here", p.id, p.parent)
			return nil
		} else if err != nil {
			return err
		}
		count(&im.sum.Answers, created)
		return nil
	})
}

func (im *seImport) accepted(ctx context.Context, file string) error {
	return im.read(ctx, file, false, func(line int, r row) error {
		p, problem := readPost(r)
		if problem != "" || p.typ != "1" || p.accepted == "" {
			return nil
		}
		questionID, err := im.st.ImportedID(ctx, im.opt.Site, p.id, store.ImportedPost)
		if errors.Is(err, store.ErrNotFound) {
			return nil // the question was skipped, and reported then
		} else if err != nil {
			return err
		}
		acceptedID, ok := positiveID(p.accepted)
		if !ok {
			im.bad(line, "question %s: AcceptedAnswerId %q is not an id", p.id, p.accepted)
			return nil
		}
		answerID, err := im.st.ImportedID(ctx, im.opt.Site, acceptedID, store.ReplyAnswer)
		if errors.Is(err, store.ErrNotFound) {
			im.bad(line, "question %s: its accepted answer %s is not in the dump or was skipped", p.id, acceptedID)
			return nil
		} else if err != nil {
			return err
		}
		created, err := im.st.ImportAccepted(ctx, store.ExternalRef{Source: im.opt.Site, ID: p.id}, questionID, answerID)
		if errors.Is(err, store.ErrNotFound) {
			im.bad(line, "question %s: its accepted answer %s is not an answer to it, or was deleted here", p.id, acceptedID)
			return nil
		} else if err != nil {
			return err
		}
		count(&im.sum.Accepted, created)
		return nil
	})
}

// comment is what the comments step reads of a Comments.xml row.
type comment struct {
	id, postID       string
	created          time.Time
	text             string
	score            int64
	userID, userName string
}

func readComment(r row) (comment, string) {
	c := comment{text: strings.TrimSpace(r.get("Text")), userID: r.get("UserId"), userName: strings.TrimSpace(r.get("UserDisplayName"))}
	c.score, _ = strconv.ParseInt(r.get("Score"), 10, 64)
	var ok bool
	if c.id, ok = positiveID(r.get("Id")); !ok {
		return c, fmt.Sprintf("the comment has no valid Id (%q)", r.get("Id"))
	}
	if c.postID, ok = positiveID(r.get("PostId")); !ok {
		return c, fmt.Sprintf("comment %s has no valid PostId (%q)", c.id, r.get("PostId"))
	}
	if c.created, ok = parseDate(r.get("CreationDate")); !ok {
		return c, fmt.Sprintf("comment %s: CreationDate %q is not a date", c.id, r.get("CreationDate"))
	}
	if c.text == "" {
		return c, fmt.Sprintf("comment %s is empty", c.id)
	}
	return c, ""
}

func (im *seImport) comments(ctx context.Context, file string) error {
	return im.read(ctx, file, true, func(line int, r row) error {
		c, problem := readComment(r)
		if problem != "" {
			im.bad(line, "%s", problem)
			return nil
		}
		ref := store.ExternalRef{Source: im.opt.Site, ID: c.id, Score: c.score}
		if _, err := im.st.ImportedID(ctx, ref.Source, ref.ID, store.ReplyComment); err == nil {
			im.sum.Comments.Existing++
			return nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		nr := store.NewReply{Kind: store.ReplyComment, CreatedAt: c.created}
		var err error
		if nr.PostID, err = im.st.ImportedID(ctx, im.opt.Site, c.postID, store.ImportedPost); errors.Is(err, store.ErrNotFound) {
			nr.ParentID, err = im.st.ImportedID(ctx, im.opt.Site, c.postID, store.ReplyAnswer)
		}
		if errors.Is(err, store.ErrNotFound) {
			im.bad(line, "comment %s is on post %s, which is not an imported question or answer", c.id, c.postID)
			return nil
		} else if err != nil {
			return err
		}
		author, err := im.author(ctx, c.userID, c.userName, c.created)
		if err != nil {
			return err
		}
		nr.AuthorID = author.ID
		nr.Body = commentMarkdown(c.text) + "\n\n" +
			im.attribution("commented", im.base.JoinPath("posts", "comments", c.id).String(), author.Name, c.userID, c.created)
		_, created, err := im.st.ImportReply(ctx, ref, nr)
		if errors.Is(err, store.ErrNotFound) {
			im.bad(line, "comment %s is on post %s, which has been deleted here", c.id, c.postID)
			return nil
		} else if err != nil {
			return err
		}
		count(&im.sum.Comments, created)
		return nil
	})
}

func count(c *Count, created bool) {
	if created {
		c.New++
	} else {
		c.Existing++
	}
}

// author returns the person an author of the dump became, creating them the
// first time. Stack Exchange names authors by user id, by display name alone
// when the account was deleted, or not at all.
func (im *seImport) author(ctx context.Context, userIDText, displayName string, created time.Time) (store.Person, error) {
	id, hasID := userID(userIDText)
	displayName = cleanName(displayName)
	var ext, local, name string
	switch {
	case hasID:
		ext, local, name = id, id, "user"+id
		if id == "-1" { // the site's own account, which owns tag wikis and community posts
			local, name = "community", "Community"
		} else if strings.HasPrefix(id, "-") {
			local = "minus" + id[1:]
		}
	case displayName != "":
		sum := sha256.Sum256([]byte(displayName))
		ext, local = "name:"+displayName, "name-"+hex.EncodeToString(sum[:6])
	default:
		ext, local, name = "unknown", "unknown", "Unknown user"
	}
	if displayName != "" {
		name = displayName
	}
	if p, ok := im.authors[ext]; ok {
		return p, nil
	}
	p, created2, err := im.st.ImportAuthor(ctx, store.ExternalRef{Source: im.opt.Site, ID: ext}, store.ImportedAuthor{
		Email: "se-" + im.label() + "-" + local + "@import.invalid", Name: name, Bio: im.bio(ext), Language: im.opt.Language, CreatedAt: created,
	})
	if errors.Is(err, store.ErrConflict) {
		return p, fmt.Errorf("import: the address se-%s-%s@import.invalid belongs to someone not imported from %s: %w", im.label(), local, im.opt.Site, err)
	}
	if err != nil {
		return p, err
	}
	if created2 {
		im.sum.People++
	}
	if len(im.authors) >= maxCachedAuthors {
		clear(im.authors)
	}
	im.authors[ext] = p
	return p, nil
}

// maxCachedAuthors bounds the author cache, so memory stays flat however many authors a dump has.
const maxCachedAuthors = 1000

// label names the site in placeholder e-mail addresses: beer for
// beer.stackexchange.com, stackoverflow for stackoverflow.com.
func (im *seImport) label() string {
	l := strings.TrimSuffix(im.opt.Site, ".stackexchange.com")
	if l == im.opt.Site {
		if i := strings.LastIndexByte(l, '.'); i > 0 {
			l = l[:i]
		}
	}
	return strings.ReplaceAll(l, ".", "-")
}

func (im *seImport) bio(ext string) string {
	if _, ok := userID(ext); ok {
		return "Imported from " + im.base.JoinPath("users", ext).String() + "; this account cannot sign in."
	}
	return "Imported from " + im.opt.Site + "; this account cannot sign in."
}

// attribution is the line that ends every imported body: where it comes
// from, who wrote it and under which licence, as CC BY-SA requires. Stack
// Exchange licensed contributions under CC BY-SA 2.5 until 8 April 2011, 3.0
// until 2 May 2018, and 4.0 since.
func (im *seImport) attribution(verb, link, name, userIDText string, created time.Time) string {
	version := "4.0"
	switch {
	case created.Before(time.Date(2011, 4, 8, 0, 0, 0, 0, time.UTC)):
		version = "2.5"
	case created.Before(time.Date(2018, 5, 2, 0, 0, 0, 0, time.UTC)):
		version = "3.0"
	}
	who := escapeText(name, false)
	if id, ok := userID(userIDText); ok {
		who = "[" + who + "](" + im.base.JoinPath("users", id).String() + ")"
	}
	return fmt.Sprintf("*Originally %s on [%s](%s) by %s, [CC BY-SA %s](https://creativecommons.org/licenses/by-sa/%s/).*",
		verb, im.opt.Site, link, who, version, version)
}

// commentMarkdown keeps a comment's own light Markdown (links, emphasis,
// code) but escapes what would be read as raw HTML or start a block.
func commentMarkdown(text string) string {
	text = strings.NewReplacer("<", `\<`, ">", `\>`).Replace(cleanText(text))
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, escapeLineStart(l))
		}
	}
	return strings.Join(out, "\n")
}

// parseTags reads tags written <beer><hops> (older dumps) or |beer|hops|
// (newer ones). Tags that Tacit would refuse are returned apart.
func parseTags(s string) (tags, dropped []string) {
	s = strings.TrimSpace(s)
	var parts []string
	if strings.HasPrefix(s, "<") {
		parts = strings.Split(strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">"), "><")
	} else {
		parts = strings.Split(strings.Trim(s, "|"), "|")
	}
	for _, t := range store.NormalizeTags(parts) {
		if utf8.RuneCountInString(t) > store.MaxTagLen || !tagRe.MatchString(t) {
			dropped = append(dropped, t)
		} else if len(tags) < store.MaxTags {
			tags = append(tags, t)
		} else {
			dropped = append(dropped, t)
		}
	}
	return tags, dropped
}

// tagRe is the tag rule of store.NewPost.Validate.
var tagRe = regexp.MustCompile(`^[\p{Ll}\p{Nd}][\p{Ll}\p{Nd}+#.-]*$`)

func cleanName(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

// positiveID returns an id in its canonical form, so 007 and 7 are one.
func positiveID(s string) (string, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 {
		return "", false
	}
	return strconv.FormatInt(n, 10), true
}

// userID is like positiveID but allows the site's own negative ids (-1 is Community).
func userID(s string) (string, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n == 0 {
		return "", false
	}
	return strconv.FormatInt(n, 10), true
}

// parseDate reads the dumps' dates, which are UTC without a zone.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", time.RFC3339Nano} {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			if t.Year() < 1990 || t.After(time.Now().Add(24*time.Hour)) {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// row is the attributes of one <row> element.
type row []xml.Attr

func (r row) get(name string) string {
	for _, a := range r {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// read streams the <row> elements of a dump file token by token, calling fn
// with each and the line it starts on. XML that cannot be read is reported
// (when report is set) and reading goes on at the next line, where the
// dumps start their next row. fn's errors stop the reading.
func (im *seImport) read(ctx context.Context, path string, report bool, fn func(line int, r row) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cr := &countingReader{r: f}
	br := bufio.NewReaderSize(cr, 64<<10)
	base := 0 // lines before the one where the current decoder started
	for {
		// bufio.Reader is an io.ByteReader, so the decoder reads no further
		// ahead than it must, and br can resume after a syntax error.
		d := xml.NewDecoder(br)
		err := decodeRows(ctx, d, func(line int, r row) error {
			im.prog.advance(cr.n - int64(br.Buffered()))
			return fn(base+line, r)
		})
		var se *xml.SyntaxError
		if !errors.As(err, &se) {
			return err
		}
		line := base + se.Line
		if report {
			im.bad(line, "the XML cannot be read (%s); the rest of the line is skipped", se.Msg)
		}
		if err := skipLine(br); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
		base = line
	}
}

func decodeRows(ctx context.Context, d *xml.Decoder, fn func(line int, r row) error) error {
	for {
		line, _ := d.InputPos()
		tok, err := d.RawToken() // RawToken: after a resynchronisation the closing </posts> has no opening
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "row" {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(line, row(se.Attr)); err != nil {
				return err
			}
		}
	}
}

// skipLine discards the rest of the current line without holding it.
func skipLine(br *bufio.Reader) error {
	for {
		_, err := br.ReadSlice('\n')
		if !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
