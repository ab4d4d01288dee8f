//! The record's Kontrak section (a PPPK only, issue 21): the contract year in force today,
//! then the contracts (perjanjian kerja), newest first, with their length and state. `n`
//! records a new one (a renewal starts the day after the newest ends), `Enter` opens the
//! selected one.

use super::*;
use crate::domain::{Contract, ContractWarning, Contracts, Ending};

impl StaffRecord {
    /// A PPPK's contracts, as the store keeps them (oldest first); shown newest first.
    pub fn with_contracts(mut self, contracts: Contracts) -> StaffRecord {
        self.contracts = contracts;
        self
    }

    /// The contract shown on row `i` of the section (newest first).
    fn contract_at(&self, i: usize) -> Option<&Contract> {
        self.contracts.items.iter().rev().nth(i)
    }

    /// What a key of the Kontrak section asks for: `n` a new contract, `Enter` the
    /// selected one.
    pub(super) fn contract_key(&self, act: Act) -> Option<Outcome> {
        let nip = self.staff.nip.as_str().to_string();
        Some(match act {
            Act::NewSkp => Outcome::OpenContract(nip, None),
            Act::OpenRow => {
                Outcome::OpenContract(nip, Some(self.contract_at(self.rows[CONTRACT_ROW])?.mulai))
            }
            _ => return None,
        })
    }

    pub(super) fn draw_contracts(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [top, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        // The contract year in force today: what the 24 JP ceiling counts over.
        let now = match self
            .contracts
            .at(self.today)
            .and_then(|c| c.year_of(self.today))
        {
            Some((start, end)) => Line::styled(
                format!(
                    " {}: {} - {}",
                    ui.t(T::ContractYearNow),
                    format_date(start),
                    format_date(end)
                ),
                ui.theme.muted(),
            ),
            None => Line::styled(format!(" {}", ui.t(T::ContractNoneNow)), ui.theme.muted()),
        };
        frame.render_widget(Paragraph::new(now), top);
        if self.contracts.items.is_empty() {
            draw_empty(frame, table_area, ui, T::NoContracts);
            return;
        }
        let soon = crate::domain::ending(&self.contracts, self.today);
        let height = table_area.height.saturating_sub(1) as usize;
        let (start, selected) = self.table_window(CONTRACT_ROW, height);
        let rows: Vec<Row> = self
            .contracts
            .items
            .iter()
            .rev()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, c)| {
                let (state, style) = match &soon {
                    Some((s, Ending::Soon)) if s == c => {
                        (ui.t(T::ContractEndsSoon).to_string(), ui.theme.error())
                    }
                    _ if c.covers(self.today) => {
                        (ui.t(T::ContractInForce).to_string(), ui.theme.ok())
                    }
                    _ if c.selesai < self.today => {
                        (ui.t(T::ContractEnded).to_string(), ui.theme.muted())
                    }
                    _ => (ui.t(T::ContractFuture).to_string(), Style::new()),
                };
                let mut length = format!("{:>3} {}", months(c), ui.t(T::ContractMonths));
                if c.warnings().contains(&ContractWarning::ShorterThanAYear) {
                    length.push_str(ui.theme.sym(" ⚠", " !"));
                }
                let row = Row::new(vec![
                    Cell::from(format_date(c.mulai)),
                    Cell::from(format_date(c.selesai)),
                    Cell::from(length),
                    Cell::from(Span::styled(state, style)),
                    Cell::from(ui.theme.text(&c.nomor)),
                ]);
                selected_row(row, i == selected, ui)
            })
            .collect();
        draw_table(
            frame,
            table_area,
            ui,
            &[
                T::ContractStart,
                T::ContractEnd,
                T::ContractLength,
                T::ContractState,
                T::ContractNumber,
            ]
            .map(|t| ui.t(t)),
            rows,
            &[
                Constraint::Length(10),
                Constraint::Length(10),
                Constraint::Length(9),
                Constraint::Length(16),
                Constraint::Fill(1),
            ],
        );
    }
}

/// A contract's length in whole months (a year from 1 March to 28 February is 12).
fn months(c: &Contract) -> i32 {
    let after = c.selesai.saturating_add(jiff::ToSpan::day(1));
    c.mulai
        .until((jiff::Unit::Month, after))
        .map_or(0, |s| s.get_months())
}
