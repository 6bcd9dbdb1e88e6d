package api

// searchTable holds the API routes of similar questions and the expert finder.
func (a *API) searchTable() []route {
	return nil
}
