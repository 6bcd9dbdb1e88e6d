package web

// mediaRoutes are the pages of uploads and media.
func (w *Web) mediaRoutes() []route {
	return nil
}
