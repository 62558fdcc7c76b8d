package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// apiError is an error answer of the KakaoCloud API: {"error": {"code", "title", "message"}}.
type apiError struct {
	Status  int
	Title   string
	Message string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("KakaoCloud API error %d %s: %s", e.Status, e.Title, e.Message)
}

func isStatus(err error, status int) bool {
	e, ok := err.(*apiError)
	return ok && e.Status == status
}

// retryable: throttled (429) or a server error.
func retryable(err error) bool {
	e, ok := err.(*apiError)
	return ok && (e.Status == 429 || e.Status >= 500)
}

// member is a member document of the image API.
type member struct {
	ImageID   string `json:"image_id"`
	MemberID  string `json:"member_id"`
	Status    string `json:"status"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// client talks to the KakaoCloud image API with an application credential: it exchanges the
// credential for a token (Keystone style), caches it and re-authenticates once on a 401.
type client struct {
	http     *http.Client
	endpoint string
	credID   string
	secret   string

	mu    sync.Mutex
	token string
}

func newClient(endpoint, credID, secret string) *client {
	return &client{
		http:     &http.Client{Timeout: 30 * time.Second},
		endpoint: strings.TrimRight(endpoint, "/"),
		credID:   credID,
		secret:   secret,
	}
}

func (c *client) authenticate(ctx context.Context) (string, error) {
	body, _ := json.Marshal(map[string]any{"auth": map[string]any{"identity": map[string]any{
		"methods":                []string{"application_credential"},
		"application_credential": map[string]string{"id": c.credID, "secret": c.secret},
	}}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+"/identity/v3/auth/tokens", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("cannot reach KakaoCloud at %s (is `bridgegen cloud serve` running?): %w", c.endpoint, err)
	}
	defer resp.Body.Close()
	text, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return "", parseError(resp.StatusCode, text)
	}
	token := resp.Header.Get("X-Subject-Token")
	if token == "" {
		return "", fmt.Errorf("token response from %s has no X-Subject-Token header", c.endpoint)
	}
	return token, nil
}

func parseError(status int, text []byte) error {
	var doc struct {
		Error struct {
			Title   string `json:"title"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(text, &doc) == nil && doc.Error.Title != "" {
		return &apiError{Status: status, Title: doc.Error.Title, Message: doc.Error.Message}
	}
	return &apiError{Status: status, Title: fmt.Sprintf("HTTP%d", status), Message: strings.TrimSpace(string(text))}
}

// do sends an authenticated request and returns the body of a 2xx answer.
func (c *client) do(ctx context.Context, method, path string) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		c.mu.Lock()
		token := c.token
		c.mu.Unlock()
		if token == "" {
			t, err := c.authenticate(ctx)
			if err != nil {
				return nil, err
			}
			c.mu.Lock()
			c.token = t
			c.mu.Unlock()
			token = t
		}
		req, err := http.NewRequestWithContext(ctx, method, c.endpoint+path, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("X-Auth-Token", token)
		req.Header.Set("Accept", "application/json")
		resp, err := c.http.Do(req)
		if err != nil {
			return nil, fmt.Errorf("cannot reach KakaoCloud at %s (is `bridgegen cloud serve` running?): %w", c.endpoint, err)
		}
		text, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 401 && attempt == 0 {
			c.mu.Lock()
			if c.token == token {
				c.token = ""
			}
			c.mu.Unlock()
			continue
		}
		if resp.StatusCode/100 != 2 {
			return nil, parseError(resp.StatusCode, text)
		}
		return text, nil
	}
}

func memberPath(imageID, memberID string) string {
	return "/api/v1/images/" + url.PathEscape(imageID) + "/members/" + url.PathEscape(memberID)
}

func parseMember(text []byte) (*member, error) {
	var wrapped struct {
		Member *member `json:"member"`
	}
	if err := json.Unmarshal(text, &wrapped); err == nil && wrapped.Member != nil {
		return wrapped.Member, nil
	}
	var m member
	if err := json.Unmarshal(text, &m); err != nil {
		return nil, fmt.Errorf("unexpected image member document: %w", err)
	}
	return &m, nil
}

func (c *client) addMember(ctx context.Context, imageID, memberID string) (*member, error) {
	text, err := c.do(ctx, http.MethodPost, memberPath(imageID, memberID))
	if err != nil {
		return nil, err
	}
	return parseMember(text)
}

func (c *client) getMember(ctx context.Context, imageID, memberID string) (*member, error) {
	text, err := c.do(ctx, http.MethodGet, memberPath(imageID, memberID))
	if err != nil {
		return nil, err
	}
	return parseMember(text)
}

func (c *client) removeMember(ctx context.Context, imageID, memberID string) error {
	_, err := c.do(ctx, http.MethodDelete, memberPath(imageID, memberID))
	return err
}

// withRetry retries throttled and 5xx answers with exponential backoff until ctx (bounded by
// the operation's timeout) ends.
func withRetry[T any](ctx context.Context, op func() (T, error)) (T, error) {
	delay := 200 * time.Millisecond
	for {
		v, err := op()
		if err == nil || !retryable(err) {
			return v, err
		}
		select {
		case <-ctx.Done():
			var zero T
			return zero, fmt.Errorf("gave up when the timeout ran out: %w", err)
		case <-time.After(delay):
		}
		if delay < 5*time.Second {
			delay *= 2
		}
	}
}
