//! Opening the audit screen (issue 22): a page of the trail for a query, replacing the
//! page on screen (the typing of a search goes on) or opened over the current screen.

use super::*;

impl App {
    pub(super) fn open_audit(&mut self, query: crate::views::audit::AuditQuery) -> bool {
        match crate::views::audit::audit_page(&self.store, &query, &self.opts.tz) {
            Ok(page) => {
                if let Screen::Audit(s) = &mut self.screen {
                    s.show(page);
                } else {
                    let screen = crate::screens::audit::AuditScreen::new(page, self.opts.today);
                    self.push(Screen::Audit(Box::new(screen)));
                }
                true
            }
            Err(e) => self.fail(e),
        }
    }
}
