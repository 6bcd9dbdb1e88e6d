package api

// mediaTable holds the API routes of uploads and media.
func (a *API) mediaTable() []route {
	return nil
}
