//! `onrecord search`: Full-text search: words, "exact phrases", speaker: org: title: outlet: tag:
//! lang: medium: after: before: year:, AND/OR/NOT, parentheses.

use crate::print::{print_json, print_search};
use crate::{Target, open};
use clap::Args;
use onrecord::{Error, SearchRequest, Sort};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct SearchArgs {
    query: String,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// relevance or date (newest first).
    #[arg(long, default_value = "relevance")]
    sort: String,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: SearchArgs, target: Target) -> Result<ExitCode, Error> {
    let SearchArgs {
        query,
        limit,
        offset,
        sort,
        json,
    } = args;
    let sort: Sort = sort.parse()?;
    let mut library = open(target)?;
    let results = library.search(&SearchRequest {
        query: query.clone(),
        limit,
        offset,
        sort,
        facets: true,
    })?;
    if json {
        print_json(&results)?;
    } else {
        print_search(&query, &results);
    }
    Ok(ExitCode::SUCCESS)
}
