//! The endpoint layer's two macros, and the two functions that read an
//! endpoint's method and path from the catalogue (`crux_types::endpoint`).
//!
//! `resource!` declares a handle (`Users`, returned by `client.users()`);
//! `request!` declares one plain endpoint on a handle: its request value
//! (a struct with `#[must_use]` and `IntoFuture`, whose rustdoc shows the method,
//! path, caller and permissions from its catalogue constant) and the handle's method
//! that returns it.
//!
//! ```text
//! request! {
//!     /// Gets one user of your organization. (doc and a `no_run` example)
//!     Users::get(user: UserId) -> GetUser: Copy => User = USERS_GET[user];
//! }
//! ```
//!
//! reads: `client.users().get(user)` returns a `GetUser` (which is `Copy`)
//! that `.await`s to a `User`, sent as the catalogue's `USERS_GET` with
//! `user` in the path's one placeholder (one value per placeholder,
//! checked at compile time). A request with a body adds
//! `, body: expr` (the expression may name the fields); `=> ()` means the
//! API documents no response, so any 2xx is success. A request without a
//! body that returns a value must be a GET in the catalogue (checked at
//! compile time). Endpoints with optional parameters, validation or an odd
//! response are written by hand, with `into_future!` (src/request.rs).

use std::borrow::Cow;

use crux_types::endpoint::Endpoint;
use http::Method;

use crate::Error;

/// The HTTP method of `endpoint`, from the catalogue.
pub(crate) fn method(endpoint: &Endpoint) -> Result<Method, Error> {
    // `from_bytes` returns the constants (`Method::GET` ...) for the standard methods.
    Method::from_bytes(endpoint.method.as_str().as_bytes()).map_err(|e| {
        Error::config(format!("`{}` has no valid HTTP method", endpoint.name)).with_source(e)
    })
}

/// The path of `endpoint` with `params` in its placeholders, percent-encoded.
/// A path without placeholders is the catalogue's own `'static` string (what
/// filling in no values gives), borrowed rather than copied.
pub(crate) fn path(endpoint: &Endpoint, params: &[&str]) -> Result<Cow<'static, str>, Error> {
    if params.is_empty() && !endpoint.path.contains('{') {
        return Ok(Cow::Borrowed(endpoint.path));
    }
    endpoint.path_with(params).map(Cow::Owned).map_err(|e| {
        Error::config(format!("the path of `{}` cannot be built", endpoint.name)).with_source(e)
    })
}

/// The number of `{placeholder}`s in a path template, at compile time.
pub(crate) const fn placeholders(template: &str) -> usize {
    let bytes = template.as_bytes();
    let (mut i, mut count) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'{' {
            count += 1;
        }
        i += 1;
    }
    count
}

/// Declares a handle: a `Copy` struct borrowing the `Client`,
/// whose methods return request values.
macro_rules! resource {
    ($(#[doc = $doc:expr])* $Handle:ident) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $Handle<'a> {
            client: &'a crate::Client,
        }

        impl<'a> $Handle<'a> {
            pub(crate) fn new(client: &'a crate::Client) -> Self {
                Self { client }
            }
        }
    };
}
pub(crate) use resource;

/// Declares a plain endpoint: see the module docs.
macro_rules! request {
    (
        $(#[doc = $doc:expr])*
        $Handle:ident::$verb:ident($($field:ident: $ty:ty),* $(,)?)
            -> $Req:ident $(: $Copy:ident)? => ()
            = $EP:ident $([$($arg:ident),+])? $(, body: $body:expr)? $(,)?;
    ) => {
        $crate::endpoint_macro::request!(@define [$($doc),*]
            $Handle::$verb($($field: $ty),*) -> $Req [$($Copy)?] => ()
            = $EP [$($($arg),+)?] [unit $($body)?]);
    };
    (
        $(#[doc = $doc:expr])*
        $Handle:ident::$verb:ident($($field:ident: $ty:ty),* $(,)?)
            -> $Req:ident $(: $Copy:ident)? => $Out:ty
            = $EP:ident $([$($arg:ident),+])? $(, body: $body:expr)? $(,)?;
    ) => {
        $crate::endpoint_macro::request!(@define [$($doc),*]
            $Handle::$verb($($field: $ty),*) -> $Req [$($Copy)?] => $Out
            = $EP [$($($arg),+)?] [json $($body)?]);
    };
    (@define [$($doc:expr),*]
        $Handle:ident::$verb:ident($($field:ident: $ty:ty),*) -> $Req:ident [$($Copy:ident)?]
        => $Out:ty = $EP:ident [$($arg:ident),*] [$kind:ident $($body:expr)?]
    ) => {
        $(#[doc = $doc])*
        #[doc = ""]
        #[doc = concat!("Sends ", crux_types::endpoint_doc!($EP), ": [`", stringify!($EP),
            "`](crux_types::endpoint::", stringify!($EP), "). `.await` it.")]
        #[derive(Debug, Clone $(, $Copy)?)]
        #[must_use = "requests do nothing until you `.await` them"]
        pub struct $Req<'a> {
            client: &'a crate::Client,
            $($field: $ty,)*
        }

        impl<'a> $Handle<'a> {
            $(#[doc = $doc])*
            #[doc = ""]
            #[doc = concat!("Returns a [`", stringify!($Req), "`]: ",
                crux_types::endpoint_doc!($EP), ".")]
            pub fn $verb(self, $($field: $ty),*) -> $Req<'a> {
                $Req { client: self.client, $($field),* }
            }
        }

        const _: () = assert!(
            crate::endpoint_macro::placeholders(crux_types::endpoint::$EP.path)
                == <[&str]>::len(&[$(stringify!($arg)),*]),
            concat!(stringify!($EP), ": give one path value per placeholder"),
        );
        $crate::endpoint_macro::request!(@check $EP [$kind $($body)?]);

        crate::request::into_future!($Req => $Out, |request| {
            let $Req { client, $($field),* } = request;
            let endpoint = &crux_types::endpoint::$EP;
            let path = crate::endpoint_macro::path(endpoint, &[$($arg.to_string().as_str()),*])?;
            $crate::endpoint_macro::request!(@send client endpoint path [$kind $($body)?])
        });
    };
    // A value without a body: `get_json`, which sends a GET.
    (@check $EP:ident [json]) => {
        const _: () = assert!(
            matches!(crux_types::endpoint::$EP.method, crux_types::endpoint::HttpMethod::Get),
            concat!(stringify!($EP), " is not a GET: give it a body or write it by hand"),
        );
    };
    (@check $EP:ident [$kind:ident $($body:expr)?]) => {};
    (@send $client:ident $endpoint:ident $path:ident [json]) => {
        $client.get_json(&$path).await
    };
    (@send $client:ident $endpoint:ident $path:ident [json $body:expr]) => {
        $client.send_json($endpoint, &$path, &$body).await
    };
    (@send $client:ident $endpoint:ident $path:ident [unit]) => {
        $client.send_unit($endpoint, &$path, None::<&()>).await
    };
    (@send $client:ident $endpoint:ident $path:ident [unit $body:expr]) => {
        $client.send_unit($endpoint, &$path, Some(&$body)).await
    };
}
pub(crate) use request;
