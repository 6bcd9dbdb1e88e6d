package api

// searchTable holds the API routes of similar questions and the expert finder.
func (a *API) searchTable() []route {
	return []route{
		{"GET /api/v1/similar", scopeRead, a.similar},
		{"GET /api/v1/experts", scopeRead, a.experts},
	}
}
