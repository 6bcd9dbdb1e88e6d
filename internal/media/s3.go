package media

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
)

// S3 keeps blobs in a bucket of an S3-compatible object store (AWS S3,
// SeaweedFS, Garage, Ceph…), addressed path-style and signed with AWS
// Signature Version 4. It is a small client of the four calls Tacit needs,
// written on the standard library.
type S3 struct {
	endpoint  *url.URL
	bucket    string
	region    string
	accessKey string
	secretKey string
	client    *http.Client
}

// NewS3 returns a client of one bucket.
func NewS3(endpoint, bucket, region, accessKey, secretKey string) (*S3, error) {
	u, err := url.Parse(strings.TrimRight(endpoint, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("media: s3 endpoint %q: want http(s)://host", endpoint)
	}
	if region == "" {
		region = "us-east-1"
	}
	return &S3{endpoint: u, bucket: bucket, region: region, accessKey: accessKey, secretKey: secretKey,
		client: &http.Client{Timeout: 10 * time.Minute}}, nil
}

const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

func (s *S3) request(ctx context.Context, method, key string, body io.Reader, size int64, payloadHash, rng string) (*http.Request, error) {
	u := *s.endpoint
	u.Path = s.endpoint.Path + "/" + s.bucket
	if key != "" {
		if !validKey(key) {
			return nil, fmt.Errorf("media: invalid key %q", key)
		}
		u.Path += "/" + key
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.ContentLength = size
	}
	if rng != "" {
		req.Header.Set("Range", rng)
	}
	s.sign(req, payloadHash, time.Now().UTC())
	return req, nil
}

// sign adds AWS Signature Version 4 headers for the s3 service.
func (s *S3) sign(req *http.Request, payloadHash string, t time.Time) {
	amzDate := t.Format("20060102T150405Z")
	day := t.Format("20060102")
	req.Header.Set("X-Amz-Date", amzDate)
	req.Header.Set("X-Amz-Content-Sha256", payloadHash)
	signed := []string{"host", "x-amz-content-sha256", "x-amz-date"}
	if req.Header.Get("Range") != "" {
		signed = append(signed, "range")
		slices.Sort(signed) // canonical headers are in order
	}
	var canonHeaders strings.Builder
	for _, h := range signed {
		v := req.Header.Get(h)
		if h == "host" {
			v = req.URL.Host
		}
		canonHeaders.WriteString(h + ":" + strings.TrimSpace(v) + "\n")
	}
	signedHeaders := strings.Join(signed, ";")
	canonical := strings.Join([]string{req.Method, req.URL.EscapedPath(), req.URL.RawQuery, canonHeaders.String(), signedHeaders, payloadHash}, "\n")
	scope := day + "/" + s.region + "/s3/aws4_request"
	sum := sha256.Sum256([]byte(canonical))
	toSign := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex.EncodeToString(sum[:])
	key := hmacSHA256([]byte("AWS4"+s.secretKey), day)
	key = hmacSHA256(key, s.region)
	key = hmacSHA256(key, "s3")
	key = hmacSHA256(key, "aws4_request")
	sig := hex.EncodeToString(hmacSHA256(key, toSign))
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+s.accessKey+"/"+scope+", SignedHeaders="+signedHeaders+", Signature="+sig)
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

func (s *S3) do(req *http.Request, ok ...int) (*http.Response, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("media: s3 %s: %w", req.Method, err)
	}
	for _, code := range ok {
		if resp.StatusCode == code {
			return resp, nil
		}
	}
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound && req.Method == http.MethodGet {
		return nil, ErrNoBlob
	}
	return nil, fmt.Errorf("media: s3 %s %s: %s: %s", req.Method, req.URL.Path, resp.Status, strings.TrimSpace(string(msg)))
}

// Put uploads the file with its SHA-256 signed, so the store verifies every
// byte; S3 acknowledges a PUT only once the object is durable.
func (s *S3) Put(ctx context.Context, key string, f *os.File, size int64, contentType string) error {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, size)); err != nil {
		return err
	}
	req, err := s.request(ctx, http.MethodPut, key, io.NewSectionReader(f, 0, size), size, hex.EncodeToString(h.Sum(nil)), "")
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := s.do(req, http.StatusOK)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// Open reads the object from offset off with a ranged GET.
func (s *S3) Open(ctx context.Context, key string, off int64) (io.ReadCloser, error) {
	rng := ""
	if off > 0 {
		rng = fmt.Sprintf("bytes=%d-", off)
	}
	req, err := s.request(ctx, http.MethodGet, key, nil, 0, emptySHA256, rng)
	if err != nil {
		return nil, err
	}
	resp, err := s.do(req, http.StatusOK, http.StatusPartialContent)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Delete removes the object; S3 answers 204 whether or not it existed.
func (s *S3) Delete(ctx context.Context, key string) error {
	req, err := s.request(ctx, http.MethodDelete, key, nil, 0, emptySHA256, "")
	if err != nil {
		return err
	}
	resp, err := s.do(req, http.StatusNoContent, http.StatusOK, http.StatusNotFound)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// CreateBucket makes the bucket; one that already exists is fine.
func (s *S3) CreateBucket(ctx context.Context) error {
	req, err := s.request(ctx, http.MethodPut, "", nil, 0, emptySHA256, "")
	if err != nil {
		return err
	}
	resp, err := s.do(req, http.StatusOK, http.StatusConflict)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}
