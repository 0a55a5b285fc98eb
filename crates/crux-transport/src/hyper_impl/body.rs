//! Reading a response body under a size limit.

use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use hyper::body::{Body, Incoming};

use crate::{TransportError, TransportErrorKind};

use super::errors::{BodyTooLarge, from_body_error};

/// Reads the whole body of `response`, failing with `BodyTooLarge` as soon as
/// more than `limit` bytes arrived (or before reading anything, when the
/// declared `Content-Length` is already over it). At most one frame past the
/// limit is ever held; dropping the body then closes or resets the stream.
pub(super) async fn read_limited(
    response: http::Response<Incoming>,
    limit: usize,
) -> Result<http::Response<Bytes>, TransportError> {
    let (parts, mut body) = response.into_parts();

    // hyper derives the hint from `Content-Length` (and knows that a HEAD,
    // 204 or 304 response has no body whatever the header says).
    let declared = body.size_hint().lower();
    if declared > u64::try_from(limit).unwrap_or(u64::MAX) {
        return Err(too_large(limit, Some(declared)));
    }

    // A body usually arrives in one frame: it is kept as it is, and a list
    // is made only for a second frame.
    let mut first: Option<Bytes> = None;
    let mut more: Vec<Bytes> = Vec::new();
    let mut total: usize = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(from_body_error)?;
        // Trailers are not part of the body; they are dropped.
        if let Ok(data) = frame.into_data() {
            total = total.saturating_add(data.len());
            if total > limit {
                return Err(too_large(limit, None));
            }
            if data.is_empty() {
                continue;
            }
            match first {
                None => first = Some(data),
                Some(_) => more.push(data),
            }
        }
    }

    let body = match (first, more.is_empty()) {
        (None, _) => Bytes::new(),
        (Some(only), true) => only,
        (Some(first), false) => {
            let mut joined = BytesMut::with_capacity(total);
            joined.extend_from_slice(&first);
            for chunk in &more {
                joined.extend_from_slice(chunk);
            }
            joined.freeze()
        }
    };
    Ok(http::Response::from_parts(parts, body))
}

fn too_large(limit: usize, declared: Option<u64>) -> TransportError {
    TransportError::new(TransportErrorKind::BodyTooLarge)
        .with_source(BodyTooLarge { limit, declared })
}
