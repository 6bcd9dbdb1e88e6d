package main

// The registry of surfaces (DESIGN §3): every route the routers know, with
// what the sweeps need to call it. TestEveryRouteIsRegistered fails when a
// route is missing here, so a new route cannot go unswept: add a row below
// (and, for a path parameter of a new name, a line in paramKinds). A new
// kind of object (an upload, a notification) needs a value in each fill of
// sweepApp.plant (cmd/tacit/sweep_fixture_test.go): the secret community's
// one, one that never existed, the member's own, and the anonymous
// question's; plant a canary in every text field it has (file names too)
// and add it to secretCanaries.
//
// Surfaces that are not plain request/response (the live event stream,
// e-mails, digests, exports) join through sweepHooks: a feature adds a hook
// in its own file with
//
//	func init() { sweepHooks = append(sweepHooks, sweepHook{name: "mail", run: sweepMail}) }
//
// and the hook reads its surface as each viewer and reports what it saw.

// surface is what the sweeps need to know about one route.
type surface struct {
	// id names the kind of object an {id} parameter holds: post, idea,
	// reply, person, member, session, token, request, report, banned (the
	// person a community's ban keeps out), word (a watched word),
	// notification (one of the member's, named in a body) or upload.
	id string
	// body is a plausible request body for a write (url-encoded for web
	// pages, JSON for the API). {fresh} is filled with a new slug, and
	// {kind} with the target's value of that kind ({reply}, {member},
	// {notification}, {tag}…).
	body string
	// query is added to GET requests, e.g. a search for a canary; {kind}
	// is filled as in body ({tag}, {words}: words of the target's question
	// title, …).
	query string
	// file sends the write as a multipart form: the body's fields and a
	// small real picture as the field "file" under this file name.
	file string
	// self marks a route that acts only on the caller's own things (their
	// follows, settings, tokens, a community they create): the store may
	// change, but the answer for a secret target must equal the answer for
	// one that never existed.
	self bool
	// reader marks a route anyone who may read the target may use (read
	// it, answer, react, follow, join an open community): the object-access
	// test does not expect it refused.
	reader bool
	// admin marks the organisation admin's power over people (invite,
	// deactivate): for an admin the store may change, as people are not
	// secret; for everyone else the route must refuse and change nothing.
	admin bool
	// people marks pages that list people by name by design (members,
	// people admin): the anonymous asker may appear there as a person,
	// never as the author of the anonymous question.
	people bool
	// skip says why the sweep never sends this route (empty: it does).
	skip string
}

// paramKinds maps every path parameter name to the kind of value it takes.
// {id} is resolved per route by surface.id.
var paramKinds = map[string]string{
	"slug":  "community",
	"tag":   "tag",
	"token": "secret",
	"kind":  "reaction",
}

// surfaces lists every route pattern of the web, the API and the server.
var surfaces = map[string]surface{
	"GET /healthz":              {},
	"GET /static/":              {},
	"GET /{$}":                  {},
	"GET /signin":               {},
	"POST /signin":              {body: "email=mia@example.se&password=wrong", self: true},
	"POST /signout":             {skip: "ends the viewer's own session; covered by web tests"},
	"POST /lang":                {body: "lang=en", self: true},
	"GET /signin/link/{token}":  {},
	"POST /signin/link/{token}": {body: "password=ett-langt-losenord&confirm=ett-langt-losenord"},
	"GET /invite/{token}":       {},
	"POST /invite/{token}":      {body: "name=Ny+Person&password=ett-langt-losenord"},
	"POST /preview":             {body: "body=hej", self: true},

	"GET /c":                            {},
	"GET /c/new":                        {},
	"POST /c":                           {body: "slug={fresh}&name=Ny+grupp&kind=subject&visibility=open", self: true},
	"GET /c/{slug}":                     {reader: true},
	"POST /c/{slug}/join":               {body: "message=hej", reader: true},
	"POST /c/{slug}/leave":              {self: true},
	"GET /c/{slug}/members":             {people: true, reader: true},
	"POST /c/{slug}/members":            {body: "email=otto@example.se&role=member", people: true},
	"POST /c/{slug}/members/{id}":       {id: "member", body: "action=remove&role=member", people: true},
	"GET /c/{slug}/requests":            {people: true},
	"POST /c/{slug}/requests/{id}":      {id: "request", body: "decision=approve", people: true},
	"GET /c/{slug}/settings":            {},
	"POST /c/{slug}/settings":           {body: "name=Kapad&description=x&kind=subject&visibility=open"},
	"GET /c/{slug}/new":                 {reader: true},
	"POST /c/{slug}/posts":              {body: "type=question&title=En+fr%C3%A5ga+h%C3%A4r&body=Text&tags=a&language=sv&action=publish", reader: true},
	"GET /p/{id}":                       {id: "post", reader: true},
	"GET /p/{id}/edit":                  {id: "post"},
	"POST /p/{id}/edit":                 {id: "post", body: "title=Kapad+rubrik&body=Kapad&tags=a&action=publish&remove={upload}", file: "kapad.png"},
	"POST /p/{id}/delete":               {id: "post"},
	"GET /p/{id}/revisions":             {id: "post", reader: true},
	"POST /p/{id}/answers":              {id: "post", body: "body=Ett+svar", reader: true},
	"POST /p/{id}/comments":             {id: "post", body: "body=En+kommentar&parent={reply}", reader: true},
	"POST /p/{id}/accept":               {id: "post", body: "answer={reply}"},
	"POST /p/{id}/react":                {id: "post", body: "kind=like&on=1", reader: true},
	"POST /p/{id}/vote":                 {id: "idea", body: "on=1", reader: true},
	"POST /p/{id}/status":               {id: "idea", body: "status=done&note=x"},
	"POST /p/{id}/follow":               {id: "post", body: "follow=on", self: true},
	"GET /r/{id}/edit":                  {id: "reply"},
	"POST /r/{id}/edit":                 {id: "reply", body: "body=Kapat+svar&remove={upload}", file: "kapad.png"},
	"POST /r/{id}/delete":               {id: "reply"},
	"GET /r/{id}/revisions":             {id: "reply", reader: true},
	"GET /search":                       {query: "q={tag}"},
	"GET /t/{tag}":                      {reader: true},
	"POST /t/{tag}/follow":              {body: "follow=on", self: true},
	"GET /u/{id}":                       {id: "person", reader: true},
	"POST /u/{id}/follow":               {id: "person", body: "follow=on", self: true},
	"GET /settings":                     {},
	"POST /settings":                    {body: "name=Nytt+Namn&language=sv", self: true},
	"GET /settings/sessions":            {},
	"POST /settings/sessions/{id}/end":  {id: "session"},
	"GET /settings/password":            {},
	"POST /settings/password":           {body: "current=fel&password=ett-langt-losenord", self: true},
	"GET /settings/tokens":              {},
	"POST /settings/tokens":             {body: "name=sweep&scope=read", self: true},
	"POST /settings/tokens/{id}/revoke": {id: "token"},
	"GET /settings/follows":             {},
	"GET /admin/people":                 {people: true},
	"POST /admin/people":                {body: "email=ny@example.se&name=Ny", people: true, admin: true},
	"POST /admin/people/{id}":           {id: "member", body: "action=deactivate", people: true, admin: true},
	"GET /admin/audit":                  {people: true},

	// Moderation (docs/moderation.md). The queue names reporters, never the
	// anonymous asker, so it is swept for the anonymous question too; so is
	// the audit export (the CSV one in sweepAuditExport).
	"POST /p/{id}/report":                 {id: "post", body: "reason=private_information&note=Namnet+syns", reader: true},
	"POST /p/{id}/moderate":               {id: "post", body: "action=hide&reply={reply}&reason=Ol%C3%A4mpligt&back=queue"},
	"POST /p/{id}/lock":                   {id: "post", body: "locked=1&reason=Klart"},
	"POST /p/{id}/move":                   {id: "post", body: "to=annan&reason=Fel+grupp"},
	"GET /c/{slug}/moderation":            {},
	"POST /c/{slug}/reports/{id}/dismiss": {id: "report", body: "reason=Inget+att+g%C3%B6ra"},
	"POST /c/{slug}/bans":                 {body: "person={member}&reason=Tr%C3%A4tta"},
	"POST /c/{slug}/bans/{id}/lift":       {id: "banned"},
	"GET /admin/words":                    {},
	"POST /admin/words":                   {body: "word=bevakat+ord&action=hold", admin: true},
	"POST /admin/words/{id}/delete":       {id: "word", admin: true},
	"GET /admin/audit/export":             {query: "format=json"},

	// Participation (docs/notifications.md). The live streams are read with
	// max_seconds=0 from the start of both sequences, so they replay
	// everything the viewer may get and end; events, mail and the feeds
	// with each person's own feed token are swept by the hooks in
	// sweep_participation_test.go too.
	"GET /notifications":              {},
	"POST /notifications/read":        {body: "ids={notification}"},
	"GET /mentions":                   {query: "post={post}&q=", people: true, reader: true},
	"GET /events":                     {query: "post={post}&c={community}&from=0-0&max_seconds=0", reader: true},
	"POST /settings/follows/remove":   {body: "kind=tag&target={tag}", self: true},
	"GET /settings/mail":              {},
	"POST /settings/mail":             {body: "digest=daily&kind.answer=never", self: true},
	"GET /mail/unsubscribe/{token}":   {query: "kind=answer"},
	"POST /mail/unsubscribe/{token}":  {body: "kind=answer"},
	"GET /feed.atom":                  {},
	"GET /c/{slug}/feed.atom":         {reader: true},
	"GET /t/{tag}/feed.atom":          {reader: true},
	"GET /u/{id}/feed.atom":           {id: "person", reader: true},
	"GET /settings/feeds":             {},
	"POST /settings/feeds":            {self: true},
	"POST /settings/feeds/revoke":     {self: true},
	"GET /api/v1/notifications":       {},
	"POST /api/v1/notifications/read": {body: `{"ids":[{notification}]}`},
	"GET /api/v1/events":              {query: "post={post}&community={community}&last_event_id=0-0&max_seconds=0", reader: true},

	"GET /api/v1/openapi.json":                           {},
	"GET /api/v1/me":                                     {},
	"GET /api/v1/communities":                            {},
	"POST /api/v1/communities":                           {body: `{"slug":"{fresh}","name":"Ny grupp","kind":"subject","visibility":"open"}`, self: true},
	"GET /api/v1/communities/{slug}":                     {reader: true},
	"PATCH /api/v1/communities/{slug}":                   {body: `{"name":"Kapad","visibility":"open"}`},
	"POST /api/v1/communities/{slug}/join":               {body: `{"message":"hej"}`, reader: true},
	"POST /api/v1/communities/{slug}/leave":              {self: true},
	"GET /api/v1/communities/{slug}/members":             {people: true, reader: true},
	"POST /api/v1/communities/{slug}/members":            {body: `{"email":"otto@example.se","role":"member"}`, people: true},
	"GET /api/v1/communities/{slug}/join-requests":       {people: true},
	"POST /api/v1/communities/{slug}/join-requests/{id}": {id: "request", body: `{"decision":"approve"}`, people: true},
	"GET /api/v1/communities/{slug}/posts":               {reader: true},
	"POST /api/v1/communities/{slug}/posts":              {body: `{"type":"question","title":"En fråga här","body":"Text","tags":["a"]}`, reader: true},
	"GET /api/v1/posts/{id}":                             {id: "post", reader: true},
	"PATCH /api/v1/posts/{id}":                           {id: "post", body: `{"title":"Kapad rubrik","body":"Kapad","remove_attachments":[{upload}]}`},
	"DELETE /api/v1/posts/{id}":                          {id: "post"},
	"GET /api/v1/posts/{id}/revisions":                   {id: "post", reader: true},
	"POST /api/v1/posts/{id}/answers":                    {id: "post", body: `{"body":"Ett svar"}`, reader: true},
	"POST /api/v1/posts/{id}/comments":                   {id: "post", body: `{"body":"En kommentar","parent_id":{reply}}`, reader: true},
	"POST /api/v1/posts/{id}/reactions":                  {id: "post", body: `{"kind":"like"}`, reader: true},
	"DELETE /api/v1/posts/{id}/reactions/{kind}":         {id: "post", reader: true},
	"POST /api/v1/posts/{id}/accept":                     {id: "post", body: `{"answer_id":{reply}}`},
	"POST /api/v1/posts/{id}/votes":                      {id: "idea", reader: true},
	"DELETE /api/v1/posts/{id}/votes":                    {id: "idea", reader: true},
	"POST /api/v1/posts/{id}/status":                     {id: "idea", body: `{"status":"done","note":"x"}`},
	"PATCH /api/v1/replies/{id}":                         {id: "reply", body: `{"body":"Kapat svar","remove_attachments":[{upload}]}`},
	"DELETE /api/v1/replies/{id}":                        {id: "reply"},
	"GET /api/v1/replies/{id}/revisions":                 {id: "reply", reader: true},
	"GET /api/v1/feed":                                   {},
	"GET /api/v1/search":                                 {query: "q={tag}"},
	"GET /api/v1/tags/{tag}/posts":                       {reader: true},
	"GET /api/v1/people/{id}":                            {id: "person", reader: true},
	"GET /api/v1/people/{id}/posts":                      {id: "person", reader: true},
	"GET /api/v1/audit-log":                              {people: true},

	"POST /api/v1/posts/{id}/reports":                      {id: "post", body: `{"reason":"private_information","note":"Namnet syns"}`, reader: true},
	"POST /api/v1/posts/{id}/moderation":                   {id: "post", body: `{"action":"hide","reply_id":{reply},"reason":"Olämpligt"}`},
	"POST /api/v1/posts/{id}/lock":                         {id: "post", body: `{"locked":true,"reason":"Klart"}`},
	"POST /api/v1/posts/{id}/move":                         {id: "post", body: `{"community":"annan","reason":"Fel grupp"}`},
	"GET /api/v1/communities/{slug}/moderation":            {},
	"POST /api/v1/communities/{slug}/reports/{id}/dismiss": {id: "report", body: `{"reason":"Inget att göra"}`},
	"POST /api/v1/communities/{slug}/bans":                 {body: `{"person_id":{member},"reason":"Trätta"}`},
	"DELETE /api/v1/communities/{slug}/bans/{id}":          {id: "banned"},

	// Similar questions and the expert finder (docs/search.md), asked with
	// the words of the target's question: a secret question is never
	// suggested and secret work is never evidence, so the answer for the
	// secret words equals the answer for words nobody wrote; for the
	// anonymous question, the asker is never named as an expert.
	"GET /similar":        {query: "title={words}"},
	"GET /experts":        {query: "q={words}"},
	"GET /api/v1/similar": {query: "title={words}"},
	"GET /api/v1/experts": {query: "q={words}"},

	// Uploads and media (docs/media.md). A file is exactly as visible as
	// the post it is attached to; one not attached yet only to its
	// uploader. Uploading makes the caller's own unattached upload.
	"POST /uploads":                    {file: "bild.png", self: true},
	"GET /media/{id}":                  {id: "upload"},
	"GET /media/{id}/thumb":            {id: "upload"},
	"GET /media/{id}/poster":           {id: "upload"},
	"POST /api/v1/uploads":             {file: "bild.png", self: true},
	"GET /api/v1/uploads/{id}":         {id: "upload"},
	"GET /api/v1/uploads/{id}/content": {id: "upload"},
}

// sweepHook reads a surface that is not a route (live events, e-mail,
// exports) as one viewer, after the sweep, and returns everything that
// viewer could see there, to be searched for canaries.
type sweepHook struct {
	name string
	run  func(a *sweepApp, v viewer) []string
}

// sweepHooks are the non-route surfaces; features append theirs in init.
var sweepHooks []sweepHook
