package store

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FieldErrors maps a field name to the message id of what is wrong with it.
// The message ids are keys of the i18n catalogs, so people read them in their
// language and API callers in English.
type FieldErrors map[string]string

// Limits on what people write.
const (
	MaxTitle       = 200
	MinTitle       = 5
	MaxTags        = 5
	MaxTagLen      = 32
	MaxName        = 100
	MaxDescription = 2000
	MaxNote        = 1000
)

var (
	slugRe = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$`)
	tagRe  = regexp.MustCompile(`^[\p{Ll}\p{Nd}][\p{Ll}\p{Nd}+#.-]*$`)
)

// ValidSlug reports whether s can name a community in URLs.
func ValidSlug(s string) bool { return slugRe.MatchString(s) }

// NormalizeTags lower-cases, trims and de-duplicates tags, dropping empty ones,
// and turns spaces inside a tag into hyphens.
func NormalizeTags(in []string) []string {
	out := []string{}
	for _, t := range in {
		for _, part := range strings.Split(t, ",") {
			part = strings.ToLower(strings.TrimSpace(strings.TrimLeftFunc(part, func(r rune) bool { return r == '#' || unicode.IsSpace(r) })))
			part = strings.Join(strings.Fields(part), "-")
			if part != "" && !slices.Contains(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}

func checkTags(fe FieldErrors, tags []string) {
	if len(tags) > MaxTags {
		fe["tags"] = "error.tags_too_many"
		return
	}
	for _, t := range tags {
		if utf8.RuneCountInString(t) > MaxTagLen || !tagRe.MatchString(t) {
			fe["tags"] = "error.tag_invalid"
			return
		}
	}
}

func checkText(fe FieldErrors, field, s string, min, max int) {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	switch {
	case n == 0:
		fe[field] = "error.required"
	case n < min:
		fe[field] = "error.too_short"
	case n > max:
		fe[field] = "error.too_long"
	case !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' }):
		fe[field] = "error.invalid_text"
	}
}

// Validate checks a new post; maxBody is the body limit in bytes.
func (np NewPost) Validate(maxBody int) FieldErrors {
	fe := FieldErrors{}
	if !slices.Contains(PostTypes, np.Type) {
		fe["type"] = "error.invalid_choice"
	}
	checkText(fe, "title", np.Title, MinTitle, MaxTitle)
	checkText(fe, "body", np.Body, 1, maxBody)
	if len(np.Body) > maxBody {
		fe["body"] = "error.too_long"
	}
	if np.Language != "sv" && np.Language != "en" {
		fe["language"] = "error.invalid_choice"
	}
	if np.Anonymous && np.Type != TypeQuestion {
		fe["anonymous"] = "error.anonymous_questions_only"
	}
	checkTags(fe, np.Tags)
	return fe
}

// Validate checks an edit of a post.
func (e PostEdit) Validate(maxBody int) FieldErrors {
	fe := FieldErrors{}
	checkText(fe, "title", e.Title, MinTitle, MaxTitle)
	checkText(fe, "body", e.Body, 1, maxBody)
	if len(e.Body) > maxBody {
		fe["body"] = "error.too_long"
	}
	checkTags(fe, e.Tags)
	return fe
}

// ValidateReplyBody checks the text of an answer or comment.
func ValidateReplyBody(body string, maxBody int) FieldErrors {
	fe := FieldErrors{}
	checkText(fe, "body", body, 1, maxBody)
	if len(body) > maxBody {
		fe["body"] = "error.too_long"
	}
	return fe
}

// Validate checks community settings.
func (cs CommunitySettings) Validate() FieldErrors {
	fe := FieldErrors{}
	checkText(fe, "name", cs.Name, 2, MaxName)
	if utf8.RuneCountInString(cs.Description) > MaxDescription {
		fe["description"] = "error.too_long"
	}
	if utf8.RuneCountInString(cs.CodeOfConduct) > 10*MaxDescription {
		fe["code_of_conduct"] = "error.too_long"
	}
	if !slices.Contains(Kinds, cs.Kind) {
		fe["kind"] = "error.invalid_choice"
	}
	if !slices.Contains(Visibilities, cs.Visibility) {
		fe["visibility"] = "error.invalid_choice"
	}
	return fe
}

// ValidateSlug checks a community slug.
func ValidateSlug(fe FieldErrors, slug string) {
	if slug == "" {
		fe["slug"] = "error.required"
	} else if !ValidSlug(slug) {
		fe["slug"] = "error.slug_format"
	}
}

// Validate checks a profile.
func (p Profile) Validate() FieldErrors {
	fe := FieldErrors{}
	checkText(fe, "name", p.Name, 1, MaxName)
	if utf8.RuneCountInString(p.Department) > MaxName {
		fe["department"] = "error.too_long"
	}
	if utf8.RuneCountInString(p.Title) > MaxName {
		fe["title"] = "error.too_long"
	}
	if utf8.RuneCountInString(p.Bio) > MaxDescription {
		fe["bio"] = "error.too_long"
	}
	if p.Language != "sv" && p.Language != "en" {
		fe["language"] = "error.invalid_choice"
	}
	if len(p.Expertise) > 10 {
		fe["expertise"] = "error.tags_too_many"
	} else {
		tmp := FieldErrors{}
		for _, tag := range p.Expertise { // one at a time: the post limit of MaxTags does not apply here
			checkTags(tmp, []string{tag})
		}
		if tmp["tags"] != "" {
			fe["expertise"] = tmp["tags"]
		}
	}
	return fe
}

// ValidEmail is a deliberately loose check: one @, something on each side, a dot in the domain.
func ValidEmail(s string) bool {
	s = strings.TrimSpace(s) // as NormalizeEmail will store it
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " <>,;\"") && len(s) <= 254 && !strings.Contains(domain, "@")
}

// MinPassword is the shortest password accepted (NIST SP 800-63B asks for at least 8).
const MinPassword = 10
