mod common;
#[test]
fn dbg() {
    for (sheet, text) in [
        (
            "tests/heldout/wildlife/facts.toml",
            "The rise of 17 per cent since 2012 was driven largely by better protection of the reserve's core zone, the institute said.\n",
        ),
        (
            "tests/heldout/airline/facts.toml",
            "Solmar has cancelled more than 1,100 flights, and about 16,000 passengers will have their journeys disrupted, it said.\n",
        ),
    ] {
        let sheet = common::load_sheet(std::path::Path::new(sheet));
        let cx = factlint::rules::FactSheetContext::new(&sheet);
        let a = factlint::analysis::Analysis::new(text, None, sheet.published);
        for (span, kind) in a
            .quantities
            .iter()
            .map(|q| (q.span.clone(), factlint::link::Kind::Quantity))
            .chain(
                a.times
                    .iter()
                    .map(|t| (t.span.clone(), factlint::link::Kind::Time)),
            )
        {
            let Some(ctx) = cx.index.mention(&a, &span) else {
                continue;
            };
            eprintln!(
                "{:?} subj={:?}",
                &text[span.clone()],
                cx.index.mention_subject(&ctx)
            );
            for l in cx.index.links(&ctx, kind).iter().take(3) {
                eprintln!(
                    "   {} {:?} pred3={} pred5={} time={}",
                    sheet.facts[l.fact].id,
                    l,
                    cx.index.another_predicate(l.fact, &ctx, 3, &[], None),
                    cx.index.another_predicate(l.fact, &ctx, 5, &[], None),
                    cx.index.another_time(l.fact, &a, &span)
                );
            }
        }
    }
}
