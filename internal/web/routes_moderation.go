package web

// moderationRoutes are the pages of reports, moderation and the safe zone.
func (w *Web) moderationRoutes() []route {
	return nil
}
