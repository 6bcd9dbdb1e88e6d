package web

// searchRoutes are the pages of similar questions and the expert finder.
func (w *Web) searchRoutes() []route {
	return nil
}
