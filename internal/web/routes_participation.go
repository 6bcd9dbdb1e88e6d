package web

// participationRoutes are the pages of notifications, mail, follows and feeds.
func (w *Web) participationRoutes() []route {
	return nil
}
