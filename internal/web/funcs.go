package web

import (
	"hash/fnv"
	"html/template"
	"strings"
	"unicode"
)

var funcs = template.FuncMap{
	"initials":    initials,
	"avatarClass": avatarClass,
	// trustedHTML marks Markdown that the markdown package has already sanitised.
	"trustedHTML": func(s string) template.HTML { return template.HTML(s) },
	"join":        strings.Join,
	"add":         func(a, b int) int { return a + b },
	"i64":         func(n int) int64 { return int64(n) },
	"eq64":        func(a, b int64) bool { return a == b },
	"dict":        dict,
	"duration":    duration,
	"sizeText":    sizeText,
}

// dict builds a map from key/value pairs, to pass several values to a template.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		m[k] = kv[i+1]
	}
	return m
}

// initials are what an avatar shows: the first letters of the first and last name.
func initials(name string) string {
	f := strings.Fields(name)
	var out []rune
	for i, w := range f {
		if i != 0 && i != len(f)-1 {
			continue
		}
		for _, r := range w {
			if unicode.IsLetter(r) {
				out = append(out, unicode.ToUpper(r))
				break
			}
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return string(out)
}

// avatarClass picks one of eight colours from the name, stable across pages.
func avatarClass(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return "c" + string(rune('0'+h.Sum32()%8))
}
