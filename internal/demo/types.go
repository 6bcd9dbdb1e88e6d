package demo

// The demo organisation is written as plain data so that it reads like the
// workplace it describes. The seeder turns it into rows through the store,
// the same way a person would create them.

// person is one employee of the demo organisation.
type person struct {
	Key        string // short handle used to refer to the person in this package
	Name       string
	Department string
	Title      string
	Lang       string // "sv" or "en"
	Expertise  []string
	Admin      bool
}

// community is one community of the demo organisation.
type community struct {
	Slug               string
	Name               string
	Description        string
	Kind               string // organisation, department, role, subject, pain_point
	Visibility         string // open, closed, secret
	Parent             string // slug of the parent community, or ""
	AnonymousQuestions bool
	CodeOfConduct      string
	Owner              string   // person key
	Moderators         []string // person keys
	Members            []string // person keys; departments also take everyone whose Department matches MembersFromDepartment
	MembersFromDept    string   // when set, everyone in this department joins
	Everyone           bool     // when true, every person joins
}

// comment is a short remark on a post or an answer.
type comment struct {
	Author string // person key
	Body   string
}

// answer is an answer to a question (or, on other post types, a top-level comment thread reply).
type answer struct {
	Author   string // person key
	Body     string // Markdown
	Accepted bool   // at most one per question
	Helped   int    // how many people reacted "helped me" (the seeder picks who)
	Comments []comment
}

// post is one knowledge post.
type post struct {
	Community  string // slug
	Author     string // person key
	Anonymous  bool   // only in communities with AnonymousQuestions, only for questions
	Type       string // question, tip, best_practice, how_to, idea, discussion
	Lang       string // sv or en
	Title      string
	Body       string // Markdown
	Tags       []string
	DaysAgo    int      // how long ago it was posted (0-120)
	Answers    []answer // only for questions
	Comments   []comment
	Likes      int // number of "like" reactions (the seeder picks who)
	Helped     int // number of "helped me" reactions
	Thanks     int
	Votes      int    // ideas only: number of votes
	Status     string // ideas only: new, under_review, planned, in_progress, done, declined
	StatusNote string // ideas only: the note written with the last status change
}
