//! Path patterns of [`Fault::on`](super::Fault::on): a `*` or `{name}`
//! segment matches any one non-empty segment; others match exactly.

/// Whether `path` matches `pattern`: as many segments, each equal or
/// matched by a wildcard segment (`*` or `{name}`) when not empty.
pub(super) fn path_matches(pattern: &str, path: &str) -> bool {
    let mut path_segments = path.split('/');
    let all_match = pattern.split('/').all(|wanted| {
        path_segments.next().is_some_and(|segment| {
            segment == wanted || (is_wildcard(wanted) && !segment.is_empty())
        })
    });
    all_match && path_segments.next().is_none()
}

/// `*`, or a path template's `{name}`.
fn is_wildcard(segment: &str) -> bool {
    segment == "*" || (segment.len() > 2 && segment.starts_with('{') && segment.ends_with('}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_segment_matches_one_segment() {
        let pattern = "/orders/allocation/*/";
        assert!(path_matches(
            pattern,
            "/orders/allocation/d0000010-0000-4000-8000-000000000001/"
        ));
        assert!(path_matches(pattern, "/orders/allocation/x/"));
        assert!(!path_matches(pattern, "/orders/allocation//"));
        assert!(!path_matches(pattern, "/orders/allocation/a/b/"));
        assert!(!path_matches(pattern, "/orders/allocation/a"));
        assert!(!path_matches(pattern, "/orders/allocation/"));
        assert!(!path_matches(pattern, "/orders/tracking/a/"));
        let template = "/organizations/users/detail/{user_uuid}/";
        assert!(path_matches(template, "/organizations/users/detail/abc/"));
        assert!(!path_matches(template, "/organizations/users/detail/"));
        // Exact paths still match only themselves.
        assert!(path_matches("/a/", "/a/"));
        assert!(!path_matches("/a/", "/a"));
        assert!(!path_matches("/a/{}/", "/a/x/"));
        assert!(path_matches("/a/{}/", "/a/{}/"));
    }
}
