//! Product images and videos, on items and SKUs.

use serde::{Deserialize, Serialize};

use crate::id::{ImageId, VideoId};

/// A product image (the `image` include): an element of `product_images`
/// on an item or a SKU.
///
/// The docs name the link `uri`, but most samples send `url`
/// (docs/spec-decisions.md, E-06): both decode into [`uri`](Self::uri),
/// which is written as `uri`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProductImage {
    /// Identifies the image.
    pub uuid: ImageId,
    /// Where the image is: a URL or a file name, as
    /// [`uri_type`](Self::uri_type) says. Also read from `url`.
    #[serde(default, alias = "url", skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// What kind of link [`uri`](Self::uri) is; absent on some item images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri_type: Option<UriType>,
    /// Width in pixels.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<u32>,
    /// Height in pixels.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub height: Option<u32>,
}

/// A product video (the `video` include): an element of `product_videos`
/// on an item or a SKU.
///
/// As for [`ProductImage`], `url` is read as [`uri`](Self::uri)
/// (docs/spec-decisions.md, E-06). Item videos in the Get Items sample also
/// carry a `width` and a `height`, which the docs do not list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProductVideo {
    /// Identifies the video.
    pub uuid: VideoId,
    /// Where the video is: a URL or a file name, as
    /// [`uri_type`](Self::uri_type) says. Also read from `url`.
    #[serde(default, alias = "url", skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// What kind of link [`uri`](Self::uri) is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri_type: Option<UriType>,
    /// Width in pixels, when sent.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<u32>,
    /// Height in pixels, when sent.
    #[serde(
        default,
        deserialize_with = "crate::quantity::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub height: Option<u32>,
}

string_enum! {
    /// What the `uri` of an image or video is (`uri_type`).
    pub enum UriType {
        /// A URL.
        Url = "url",
        /// A file name.
        Filename = "filename",
    }
}
