package config

import (
	"io"
	"strings"
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	env := map[string]string{"TACIT_ADDR": "0.0.0.0:9000", "TACIT_BASE_URL": "https://tacit.example.se", "TACIT_MAX_BODY": "2048"}
	c, err := Load("tacit", []string{"--demo", "--data", "/tmp/x"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "0.0.0.0:9000" || c.DataDir != "/tmp/x" || !c.Demo || !c.Secure() || c.MaxBodyBytes != 2048 {
		t.Errorf("Load() = %+v", c)
	}
	c, err = Load("tacit", nil, func(string) string { return "" }, io.Discard)
	if err != nil || c.Addr != "127.0.0.1:8080" || c.DataDir != "./tacit-data" || c.Secure() || c.MaxBodyBytes != 65536 {
		t.Errorf("defaults: %+v, %v", c, err)
	}
}

func TestLoadRejects(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"TACIT_ADDR": "nope"}, "addr"},
		{map[string]string{"TACIT_DATABASE_URL": "mysql://x"}, "database-url"},
		{map[string]string{"TACIT_BASE_URL": "ftp://x"}, "base-url"},
		{map[string]string{"TACIT_MAX_BODY": "10"}, "max-body"},
		{map[string]string{"TACIT_LOG_LEVEL": "loud"}, "log-level"},
	} {
		_, err := Load("tacit", nil, func(k string) string { return tc.env[k] }, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%v) error = %v, want one about %s", tc.env, err, tc.want)
		}
	}
}

func TestLoadSMTP(t *testing.T) {
	env := map[string]string{"TACIT_SMTP_HOST": "smtp.example.se", "TACIT_SMTP_PORT": "2525", "TACIT_SMTP_USER": "u",
		"TACIT_SMTP_PASSWORD": "p", "TACIT_SMTP_FROM": "Tacit <tacit@example.se>", "TACIT_DATA": "/srv/tacit"}
	c, err := Load("tacit", nil, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.SMTPHost != "smtp.example.se" || c.SMTPPort != 2525 || c.SMTPUser != "u" || c.SMTPPassword != "p" || c.MailDir() != "/srv/tacit/mail" {
		t.Errorf("SMTP settings: %+v", c)
	}
	if c.PublicURL() != "http://127.0.0.1:8080" {
		t.Errorf("PublicURL without a base URL: %q", c.PublicURL())
	}
	for _, bad := range []map[string]string{{"TACIT_SMTP_PORT": "0"}, {"TACIT_SMTP_PORT": "x"}, {"TACIT_SMTP_FROM": "not an address"}} {
		if _, err := Load("tacit", nil, func(k string) string { return bad[k] }, io.Discard); err == nil {
			t.Errorf("Load(%v) accepted", bad)
		}
	}
}

func TestLoadMedia(t *testing.T) {
	c, err := Load("tacit", nil, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	m := c.Media
	if m.MaxImageBytes != 20<<20 || m.MaxVideoBytes != 200<<20 || m.MaxPDFBytes != 20<<20 || m.MaxDuration != 5*time.Minute || m.S3.Endpoint != "" ||
		m.FFmpegTimeout != time.Minute || m.FFmpegMemory != 1<<30 {
		t.Errorf("media defaults = %+v", m)
	}
	env := map[string]string{"TACIT_MEDIA_MAX_VIDEO": "1048576", "TACIT_MEDIA_MAX_DURATION": "90s", "TACIT_S3_ENDPOINT": "http://127.0.0.1:8333",
		"TACIT_MEDIA_FFMPEG_TIMEOUT": "20s", "TACIT_MEDIA_FFMPEG_MEMORY": "536870912",
		"TACIT_S3_BUCKET": "media", "TACIT_S3_ACCESS_KEY": "k", "TACIT_S3_SECRET_KEY": "s"}
	c, err = Load("tacit", []string{"--media-max-image", "4096"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Media; m.MaxVideoBytes != 1<<20 || m.MaxDuration != 90*time.Second || m.MaxImageBytes != 4096 || m.S3.Bucket != "media" || m.S3.Region != "us-east-1" || m.S3.SecretKey != "s" ||
		m.FFmpegTimeout != 20*time.Second || m.FFmpegMemory != 512<<20 {
		t.Errorf("media from env and flags = %+v", m)
	}
	for _, bad := range []map[string]string{
		{"TACIT_S3_ENDPOINT": "http://127.0.0.1:8333"}, // no bucket or keys
		{"TACIT_S3_ENDPOINT": "ftp://x", "TACIT_S3_BUCKET": "b", "TACIT_S3_ACCESS_KEY": "k", "TACIT_S3_SECRET_KEY": "s"},
		{"TACIT_MEDIA_MAX_DURATION": "0s"},
		{"TACIT_MEDIA_MAX_PDF": "12"},
		{"TACIT_MEDIA_FFMPEG_TIMEOUT": "10m"},
		{"TACIT_MEDIA_FFMPEG_MEMORY": "1000"},
	} {
		if _, err := Load("tacit", nil, func(k string) string { return bad[k] }, io.Discard); err == nil {
			t.Errorf("Load(%v) accepted", bad)
		}
	}
}
