package web

// searchRoutes are the pages of similar questions and the expert finder.
func (w *Web) searchRoutes() []route {
	in := w.signedIn
	return []route{
		{"GET /similar", in(w.similar)},
		{"GET /experts", in(w.experts)},
	}
}
