package api

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

type jsonObject = map[string]any

func loadOpenAPI(t *testing.T) jsonObject {
	t.Helper()
	var doc jsonObject
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi version %v, want 3.1.0", doc["openapi"])
	}
	return doc
}

var operationMethods = []string{"get", "put", "post", "patch", "delete"}

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// TestOpenAPIDescribesEveryRoute holds openapi.json and the route table to
// each other: the same methods and paths with the same {param} names, the
// same scopes, and every $ref resolving.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	t.Parallel()
	doc := loadOpenAPI(t)
	a := New(nil, Options{Logger: discardLogger()})
	scopes := map[string]string{}
	for _, rt := range a.routes {
		scope := rt.scope
		if scope == scopePublic {
			scope = "none"
		}
		scopes[rt.pattern] = scope
	}

	documented := map[string]bool{}
	for path, item := range doc["paths"].(jsonObject) {
		for method, o := range item.(jsonObject) {
			if !slices.Contains(operationMethods, method) {
				t.Errorf("paths[%s] has %q, not an operation", path, method)
				continue
			}
			pattern := strings.ToUpper(method) + " " + path
			documented[pattern] = true
			op := o.(jsonObject)
			want, ok := scopes[pattern]
			if !ok {
				t.Errorf("openapi.json describes %s, which is no route", pattern)
				continue
			}
			if op["x-scope"] != want {
				t.Errorf("%s: x-scope %v, route needs %q", pattern, op["x-scope"], want)
			}
			var inPath []string
			params, _ := op["parameters"].([]any)
			for _, p := range params {
				p := resolve(t, doc, p)
				if p["in"] == "path" {
					inPath = append(inPath, p["name"].(string))
					if p["required"] != true {
						t.Errorf("%s: path parameter %v not required", pattern, p["name"])
					}
				}
			}
			var inPattern []string
			for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
				inPattern = append(inPattern, m[1])
			}
			sort.Strings(inPath)
			sort.Strings(inPattern)
			if !slices.Equal(inPath, inPattern) {
				t.Errorf("%s: path parameters %v, the path has %v", pattern, inPath, inPattern)
			}
			if _, ok := op["responses"].(jsonObject); !ok {
				t.Errorf("%s: no responses", pattern)
			}
		}
	}
	for _, p := range a.Routes() {
		if !documented[p] {
			t.Errorf("route %s is not in openapi.json", p)
		}
	}
	checkRefs(t, doc, doc, "#")
}

// TestRouteScopes keeps the rule of DESIGN §5: reading needs read, any
// change needs write (or admin), and only the OpenAPI document is public.
func TestRouteScopes(t *testing.T) {
	t.Parallel()
	a := New(nil, Options{Logger: discardLogger()})
	for _, rt := range a.routes {
		method, _, _ := strings.Cut(rt.pattern, " ")
		switch {
		case rt.scope == scopePublic:
			if rt.pattern != "GET /api/v1/openapi.json" {
				t.Errorf("%s is public", rt.pattern)
			}
		case method == "GET" && rt.scope != scopeRead && rt.scope != scopeAdmin:
			t.Errorf("%s needs %q, want read (or admin)", rt.pattern, rt.scope)
		case method != "GET" && rt.scope != scopeWrite && rt.scope != scopeAdmin:
			t.Errorf("%s changes state but needs %q", rt.pattern, rt.scope)
		}
	}
}

// TestOpenAPIMatchesResponses replays the scenario tables and checks every
// JSON answer against the schema the document gives for its route and
// status: the status must be documented, every required property present,
// no undocumented property on closed objects, and enums respected.
func TestOpenAPIMatchesResponses(t *testing.T) {
	t.Parallel()
	doc := loadOpenAPI(t)
	a := New(nil, Options{Logger: discardLogger()})
	match := routeMatcher(a)
	checked := map[string]bool{}
	observe := func(o observation) {
		pattern := match(o.method, o.url)
		if pattern == "" || o.status == 204 {
			return // not a route (404 and 405 fallbacks), or no body
		}
		method, path, _ := strings.Cut(pattern, " ")
		item, _ := doc["paths"].(jsonObject)[path].(jsonObject)
		op, ok := item[strings.ToLower(method)].(jsonObject)
		if !ok {
			t.Errorf("%s not documented", pattern)
			return
		}
		resp, ok := op["responses"].(jsonObject)[fmt.Sprint(o.status)]
		if !ok {
			t.Errorf("%s answered %d, which openapi.json does not list: %s", pattern, o.status, o.body)
			return
		}
		if ct := o.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			// A file or a stream of events, not one JSON value: its type must
			// be one the document lists for the answer.
			ct, _, _ = strings.Cut(ct, ";")
			if _, ok := resolve(t, doc, resp)["content"].(jsonObject)[strings.TrimSpace(ct)]; !ok {
				t.Errorf("%s %d: content type %q not in the document", pattern, o.status, ct)
			}
			checked[pattern+" "+fmt.Sprint(o.status)] = true
			return
		}
		content, ok := resolve(t, doc, resp)["content"].(jsonObject)["application/json"].(jsonObject)
		if !ok {
			t.Errorf("%s %d: no application/json content in the document", pattern, o.status)
			return
		}
		var v any
		if err := json.Unmarshal(o.body, &v); err != nil {
			t.Errorf("%s %d: not JSON: %v", pattern, o.status, err)
			return
		}
		if problems := conform(t, doc, content["schema"], v, "$"); len(problems) > 0 {
			t.Errorf("%s %d does not match openapi.json:\n  %s\n  body: %s", pattern, o.status, strings.Join(problems, "\n  "), o.body)
		}
		checked[pattern+" "+fmt.Sprint(o.status)] = true
	}
	t.Run("read", func(t *testing.T) { newFixture(t, Options{}).run(t, readScenarios(), observe) })
	t.Run("write", func(t *testing.T) { newFixture(t, Options{}).run(t, writeScenarios(), observe) })
	t.Run("replies", func(t *testing.T) { newReplyFixture(t).run(t, replyScenarios(), observe) })
	for _, p := range a.Routes() {
		if !checked[p+" 200"] && !checked[p+" 201"] && !checked[p+" 202"] && !onlyNoContent(doc, p) {
			t.Errorf("no success answer of %s was checked against the document", p)
		}
	}
}

// resolve follows a local $ref.
func resolve(t *testing.T, doc jsonObject, v any) jsonObject {
	t.Helper()
	o, _ := v.(jsonObject)
	for o != nil {
		ref, ok := o["$ref"].(string)
		if !ok {
			return o
		}
		o = lookup(doc, ref)
		if o == nil {
			t.Fatalf("unresolved $ref %s", ref)
		}
	}
	return o
}

func lookup(doc jsonObject, ref string) jsonObject {
	var cur any = doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := cur.(jsonObject)
		if !ok {
			return nil
		}
		cur = m[part]
	}
	o, _ := cur.(jsonObject)
	return o
}

func checkRefs(t *testing.T, doc jsonObject, v any, at string) {
	t.Helper()
	switch x := v.(type) {
	case jsonObject:
		if ref, ok := x["$ref"].(string); ok && lookup(doc, ref) == nil {
			t.Errorf("%s: $ref %s does not resolve", at, ref)
		}
		for k, c := range x {
			checkRefs(t, doc, c, at+"/"+k)
		}
	case []any:
		for i, c := range x {
			checkRefs(t, doc, c, fmt.Sprintf("%s/%d", at, i))
		}
	}
}

// objectShape flattens a schema's allOf into its properties, required
// names and whether undocumented properties are refused.
func objectShape(t *testing.T, doc jsonObject, s jsonObject) (props jsonObject, required []string, closed bool) {
	props = jsonObject{}
	parts := []any{s}
	if all, ok := s["allOf"].([]any); ok {
		parts = all
	}
	for _, p := range parts {
		p := resolve(t, doc, p)
		if nested, ok := p["allOf"]; ok {
			np, nr, nc := objectShape(t, doc, jsonObject{"allOf": nested})
			for k, v := range np {
				props[k] = v
			}
			required = append(required, nr...)
			closed = closed || nc
			continue
		}
		pp, _ := p["properties"].(jsonObject)
		for k, v := range pp {
			props[k] = v
		}
		for _, r := range asStrings(p["required"]) {
			required = append(required, r)
		}
		if p["additionalProperties"] == false {
			closed = true
		}
	}
	return props, required, closed
}

func asStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

// conform lists how v differs from schema s.
func conform(t *testing.T, doc jsonObject, schema any, v any, at string) []string {
	s := resolve(t, doc, schema)
	var problems []string
	if _, ok := s["allOf"]; ok || s["type"] == "object" {
		obj, ok := v.(jsonObject)
		if !ok {
			return []string{fmt.Sprintf("%s: %T, want an object", at, v)}
		}
		props, required, closed := objectShape(t, doc, s)
		for _, r := range required {
			if _, ok := obj[r]; !ok {
				problems = append(problems, fmt.Sprintf("%s: required property %q missing", at, r))
			}
		}
		for k, val := range obj {
			ps, ok := props[k]
			if !ok {
				if closed {
					problems = append(problems, fmt.Sprintf("%s: property %q is not in the document", at, k))
				}
				continue
			}
			problems = append(problems, conform(t, doc, ps, val, at+"."+k)...)
		}
		return problems
	}
	switch s["type"] {
	case "array":
		list, ok := v.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %T, want an array", at, v)}
		}
		for i, x := range list {
			problems = append(problems, conform(t, doc, s["items"], x, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return []string{fmt.Sprintf("%s: %T, want a string", at, v)}
		}
		if enum, ok := s["enum"].([]any); ok && !slices.Contains(asStrings(enum), str) {
			problems = append(problems, fmt.Sprintf("%s: %q is not one of %v", at, str, enum))
		}
	case "integer":
		if n, ok := v.(float64); !ok || n != float64(int64(n)) {
			problems = append(problems, fmt.Sprintf("%s: %v, want an integer", at, v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			problems = append(problems, fmt.Sprintf("%s: %v, want a boolean", at, v))
		}
	}
	return problems
}

// onlyNoContent reports whether a route's only documented success is 204,
// which has no body to check.
func onlyNoContent(doc jsonObject, pattern string) bool {
	method, path, _ := strings.Cut(pattern, " ")
	item, _ := doc["paths"].(jsonObject)[path].(jsonObject)
	op, _ := item[strings.ToLower(method)].(jsonObject)
	resp, _ := op["responses"].(jsonObject)
	_, has204 := resp["204"]
	_, has200 := resp["200"]
	_, has201 := resp["201"]
	return has204 && !has200 && !has201
}

// TestEveryRouteIsInTheGuide: every route is in the route table of
// docs/api.md, the guide a person reads (openapi.json is checked above).
func TestEveryRouteIsInTheGuide(t *testing.T) {
	guide, err := os.ReadFile("../../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	a := New(nil, Options{})
	for _, p := range a.Routes() {
		method, path, _ := strings.Cut(p, " ")
		if path == "/api/v1/openapi.json" {
			continue
		}
		row := "| " + method + " | `" + strings.TrimPrefix(path, "/api/v1") + "` |"
		if !strings.Contains(string(guide), row) {
			t.Errorf("route %s has no row %q in docs/api.md", p, row)
		}
	}
}
