package main

// A small client of Firefox's built-in remote protocol, Marionette, for the
// Firefox browser tests: Debian packages no geckodriver, and Marionette is
// what geckodriver itself speaks to Firefox. The protocol is JSON over TCP,
// each message prefixed with its length in decimal and a colon:
//
//	client → 42:[0,1,"WebDriver:Navigate",{"url":"…"}]
//	server → 28:[1,1,null,{"value":null}]
//
// A request is [0, id, command, parameters]; the answer is [1, id, error,
// result], error being null or {"error","message","stacktrace"}. Firefox
// starts with --marionette on the port of the profile's marionette.port
// preference; with 0 it picks a free one and writes it to the profile's
// MarionetteActivePort file.

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const firefoxPath = "/usr/bin/firefox-esr"

// webElementKey is the W3C WebDriver name under which an element reference travels.
const webElementKey = "element-6066-11e4-a52e-4f735466cecf"

// marionette is one Firefox and a session in it.
type marionette struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
	mu   sync.Mutex
	next int
}

// needFirefox skips the test when Firefox is not installed, with how to
// install it, and fails it in CI (CI=true), where it must be.
func needFirefox(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(firefoxPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Firefox is missing at %s in CI: .ci/run must install it (apt-get install firefox-esr)", firefoxPath)
		}
		t.Skipf("Firefox browser test not run: install Firefox ESR (apt-get install firefox-esr) to run it; .ci/run does")
	}
}

// firefox starts headless Firefox ESR with the given preferences and opens
// a Marionette session, or skips (fails with CI=true) when there is none.
func firefox(t *testing.T, prefs map[string]any) *marionette {
	t.Helper()
	needFirefox(t)
	profile := t.TempDir()
	var js strings.Builder
	all := map[string]any{
		"marionette.port": 0, // a free port, written to MarionetteActivePort
		// A quiet test browser: no first-run pages, updates or telemetry.
		"browser.shell.checkDefaultBrowser":                    false,
		"browser.startup.homepage_override.mstone":             "ignore",
		"browser.startup.page":                                 0,
		"app.update.disabledForTesting":                        true,
		"datareporting.policy.dataSubmissionEnabled":           false,
		"toolkit.telemetry.reportingpolicy.firstRun":           false,
		"browser.aboutwelcome.enabled":                         false,
		"extensions.autoDisableScopes":                         10,
		"network.captive-portal-service.enabled":               false,
		"browser.safebrowsing.update.enabled":                  false,
		"services.settings.server":                             "data:,#remote-settings-off",
		"network.connectivity-service.enabled":                 false,
		"dom.disable_open_during_load":                         false,
		"browser.tabs.remote.separatePrivilegedContentProcess": false,
	}
	for k, v := range prefs {
		all[k] = v
	}
	for k, v := range all {
		b, _ := json.Marshal(v)
		fmt.Fprintf(&js, "user_pref(%q, %s);\n", k, b)
	}
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(js.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	logf, err := os.Create(filepath.Join(t.TempDir(), "firefox.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(firefoxPath, "--headless", "--marionette", "--no-remote", "--new-instance", "--profile", profile)
	cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1", "MOZ_HEADLESS=1")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Firefox: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
		logf.Close()
	})
	logTail := func() string {
		b, _ := os.ReadFile(logf.Name())
		if len(b) > 3000 {
			b = b[len(b)-3000:]
		}
		return string(b)
	}
	// Firefox writes the port once Marionette listens.
	var port string
	for range 600 {
		if b, err := os.ReadFile(filepath.Join(profile, "MarionetteActivePort")); err == nil && len(strings.TrimSpace(string(b))) > 0 {
			port = strings.TrimSpace(string(b))
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("Firefox stopped before Marionette listened: %v\n%s", err, logTail())
		case <-time.After(100 * time.Millisecond):
		}
	}
	if port == "" {
		t.Fatalf("Firefox did not open Marionette:\n%s", logTail())
	}
	conn, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		t.Fatalf("connect to Marionette: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	m := &marionette{t: t, conn: conn, r: bufio.NewReader(conn), next: 1}
	var hello struct {
		ApplicationType    string `json:"applicationType"`
		MarionetteProtocol int    `json:"marionetteProtocol"`
	}
	if err := m.read(&hello); err != nil {
		t.Fatalf("Marionette greeting: %v", err)
	}
	if hello.MarionetteProtocol != 3 {
		t.Fatalf("Marionette protocol %d, this client speaks 3", hello.MarionetteProtocol)
	}
	if _, err := m.Call("WebDriver:NewSession", map[string]any{"capabilities": map[string]any{
		"alwaysMatch": map[string]any{"pageLoadStrategy": "normal", "timeouts": map[string]any{"script": 60000, "pageLoad": 60000, "implicit": 0}},
	}}); err != nil {
		t.Fatalf("Marionette session: %v\n%s", err, logTail())
	}
	t.Cleanup(func() { _, _ = m.Call("WebDriver:DeleteSession", nil) })
	return m
}

// read reads one length-prefixed message into v.
func (m *marionette) read(v any) error {
	_ = m.conn.SetReadDeadline(time.Now().Add(3 * time.Minute))
	head, err := m.r.ReadString(':')
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSuffix(head, ":"))
	if err != nil || n < 0 || n > 64<<20 {
		return fmt.Errorf("marionette: bad length %q", head)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(m.r, body); err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// marionetteError is an error Firefox answered.
type marionetteError struct {
	Name    string `json:"error"`
	Message string `json:"message"`
}

func (e *marionetteError) Error() string { return "marionette: " + e.Name + ": " + e.Message }

// Call sends a command and returns its result.
func (m *marionette) Call(command string, params any) (json.RawMessage, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if params == nil {
		params = map[string]any{}
	}
	id := m.next
	m.next++
	msg, err := json.Marshal([]any{0, id, command, params})
	if err != nil {
		return nil, err
	}
	if _, err := fmt.Fprintf(m.conn, "%d:%s", len(msg), msg); err != nil {
		return nil, err
	}
	for {
		var answer []json.RawMessage
		if err := m.read(&answer); err != nil {
			return nil, fmt.Errorf("marionette: %s: %w", command, err)
		}
		if len(answer) != 4 {
			return nil, fmt.Errorf("marionette: %s: answer of %d parts", command, len(answer))
		}
		var typ, got int
		if json.Unmarshal(answer[0], &typ) != nil || typ != 1 || json.Unmarshal(answer[1], &got) != nil || got != id {
			continue // not the answer to this command
		}
		if string(answer[2]) != "null" {
			e := &marionetteError{}
			if err := json.Unmarshal(answer[2], e); err != nil {
				return nil, fmt.Errorf("marionette: %s: %s", command, answer[2])
			}
			return nil, e
		}
		return answer[3], nil
	}
}

// value unwraps the {"value": …} of most results into v.
func value(raw json.RawMessage, v any) error {
	var w struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &w); err != nil {
		return err
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(w.Value, v)
}

// Navigate loads url and waits for the page to load.
func (m *marionette) Navigate(url string) error {
	_, err := m.Call("WebDriver:Navigate", map[string]any{"url": url})
	return err
}

// URL is the current page's address.
func (m *marionette) URL() string {
	raw, err := m.Call("WebDriver:GetCurrentURL", nil)
	var u string
	if err == nil {
		_ = value(raw, &u)
	}
	return u
}

// Eval runs a script's body (it may return a value) and stores the result in v.
func (m *marionette) Eval(script string, v any, args ...any) error {
	if args == nil {
		args = []any{}
	}
	raw, err := m.Call("WebDriver:ExecuteScript", map[string]any{"script": script, "args": args})
	if err != nil {
		return err
	}
	return value(raw, v)
}

// Await runs a script whose last argument is a callback it calls with its
// result, for promises: Await(`p.then(arguments[0])`).
func (m *marionette) Await(script string, v any, args ...any) error {
	if args == nil {
		args = []any{}
	}
	raw, err := m.Call("WebDriver:ExecuteAsyncScript", map[string]any{"script": script, "args": args})
	if err != nil {
		return err
	}
	return value(raw, v)
}

// Find returns the element a CSS selector picks.
func (m *marionette) Find(css string) (string, error) {
	raw, err := m.Call("WebDriver:FindElement", map[string]any{"using": "css selector", "value": css})
	if err != nil {
		return "", err
	}
	var el map[string]string
	if err := value(raw, &el); err != nil {
		return "", err
	}
	if el[webElementKey] == "" {
		return "", errors.New("marionette: no element reference")
	}
	return el[webElementKey], nil
}

// Click clicks the element like a person would (scrolled into view, hit test).
func (m *marionette) Click(css string) error {
	id, err := m.Find(css)
	if err != nil {
		return fmt.Errorf("click %s: %w", css, err)
	}
	_, err = m.Call("WebDriver:ElementClick", map[string]any{"id": id})
	return err
}

// Type sends keystrokes to the element.
func (m *marionette) Type(css, text string) error {
	id, err := m.Find(css)
	if err != nil {
		return fmt.Errorf("type into %s: %w", css, err)
	}
	_, err = m.Call("WebDriver:ElementSendKeys", map[string]any{"id": id, "text": text})
	return err
}

// WaitFor polls a script's truth every 100 ms, for at most the given time.
func (m *marionette) WaitFor(cond string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for {
		var ok bool
		err := m.Eval("return !!("+cond+")", &ok)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err != nil {
				return fmt.Errorf("waiting for %s: %w", cond, err)
			}
			return fmt.Errorf("waiting for %s: still false", cond)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Screenshot returns a PNG of the viewport.
func (m *marionette) Screenshot() ([]byte, error) {
	raw, err := m.Call("WebDriver:TakeScreenshot", map[string]any{"full": false, "hash": false})
	if err != nil {
		return nil, err
	}
	var s string
	if err := value(raw, &s); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(s)
}

// TestMarionetteFraming checks the client's reading of the protocol's
// framing against hand-made messages, so a failure of the Firefox test is
// never this client misreading an answer.
func TestMarionetteFraming(t *testing.T) {
	server, client := net.Pipe()
	defer server.Close()
	defer client.Close()
	m := &marionette{t: t, conn: client, r: bufio.NewReader(client), next: 7}
	go func() {
		r := bufio.NewReader(server)
		for _, answers := range [][]string{
			// An answer to an earlier command comes first and is skipped.
			{`[1,6,null,{"value":"stale"}]`, `[1,7,null,{"value":{"n":42,"s":"å:ä"}}]`},
			{`[1,8,{"error":"no such element","message":"#missing","stacktrace":""},null]`},
		} {
			head, _ := r.ReadString(':')
			n, _ := strconv.Atoi(strings.TrimSuffix(head, ":"))
			_, _ = io.ReadFull(r, make([]byte, n))
			for _, a := range answers {
				fmt.Fprintf(server, "%d:%s", len(a), a)
			}
		}
	}()
	raw, err := m.Call("WebDriver:ExecuteScript", map[string]any{"script": "return 1"})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		N int    `json:"n"`
		S string `json:"s"`
	}
	if err := value(raw, &got); err != nil || got.N != 42 || got.S != "å:ä" {
		t.Fatalf("value = %+v, %v", got, err)
	}
	_, err = m.Call("WebDriver:FindElement", map[string]any{"using": "css selector", "value": "#missing"})
	var me *marionetteError
	if !errors.As(err, &me) || me.Name != "no such element" {
		t.Fatalf("error = %v, want no such element", err)
	}
}
