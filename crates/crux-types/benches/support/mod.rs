//! Deterministic users lists for the benchmarks: the shape of
//! `tests/fixtures/organization/get_all_users.json` (Get All Users), written
//! compactly as the API sends it.
//!
//! Every user has a person with a phone, three permission entries taken from
//! a pool of eight documented permissions (so the same permission objects
//! repeat across users, as they do in a real organization), an `org_user` and
//! a status. A user is about 940 bytes of JSON, as the docs' sample is, so
//! 100,000 users are about 94 MB.

pub(crate) mod pages;
pub(crate) mod prototypes;

use std::fmt::Write as _;

/// The permissions users get, cycled through: `(uuid, name, display_name,
/// description)`, from the docs' samples.
const PERMISSIONS: &[(&str, &str, &str, &str)] = &[
    (
        "51690784-8e22-44f2-a6b6-ae3fdb556051",
        "create_org",
        "Create Organization",
        "Ability to create an org",
    ),
    (
        "f3854a65-cb5c-4ea6-a0b6-e352328f3f92",
        "update_org_status",
        "Update Org Status",
        "Update the org status pending, active, or deactive",
    ),
    (
        "d3826e60-0f8d-4ca5-b89c-2d2022ece698",
        "create_relationships",
        "Create Relationship",
        "Add a relationship between organizaitons, such as supplier to retailer",
    ),
    (
        "5b7906fd-23dd-4fe1-8e50-778819d145ad",
        "view_org_users",
        "View Users",
        "Ability to see the users in an organization",
    ),
    (
        "191b95cc-5555-4947-8085-286d167931ca",
        "edit_org_users",
        "Edit Users",
        "Ability to edit/change/delete users in an organization",
    ),
    (
        "64b53e87-01bf-4416-affb-937beea1661e",
        "view_org_subscription_plan",
        "View Subscription Plan",
        "View the subscription plan info for an organization",
    ),
    (
        "0c2f5a51-2d0e-4f5e-9d1a-6a3b7e0c4d21",
        "view_orders",
        "View Orders",
        "Ability to see the orders of an organization",
    ),
    (
        "9e7d3b18-47c4-4b7a-8f0e-2c5d1a6b9e30",
        "edit_catalogs",
        "Edit Catalogs",
        "Ability to create and change catalogs",
    ),
];

const FIRST_NAMES: &[&str] = &[
    "Crux ", "Ada", "Grace", "José", "Zoë", "Linus", "Margaret", "Ken", "Barbara", "Dennis",
    "Frances", "Niklaus", "Radia", "Edsger", "Hedy", "Alan",
];

const LAST_NAMES: &[&str] = &[
    "User", "Lovelace", "Hopper", "Núñez", "Martin", "Torvalds", "Hamilton", "Thompson", "Liskov",
    "Ritchie", "Allen", "Wirth", "Perlman", "Dijkstra", "Lamarr", "Turing",
];

const STATUSES: &[&str] = &[
    "ACTIVE",
    "ACTIVE",
    "ACTIVE",
    "ACTIVE",
    "ACTIVE",
    "ACTIVE",
    "CONFIRMATION WAITING",
    "DEACTIVATED",
];

/// splitmix64: a tiny deterministic generator, so every run (and every
/// machine) decodes the same bytes.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        // The modulo bias is irrelevant here.
        from[(self.next() % from.len() as u64) as usize]
    }

    /// A random version-4 UUID, hyphenated lowercase.
    pub(crate) fn uuid(&mut self, out: &mut String) {
        let (a, b) = (self.next(), self.next());
        let _ = write!(
            out,
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            ((b >> 48) & 0x3fff) | 0x8000,
            b & 0xffff_ffff_ffff,
        );
    }
}

/// A Get All Users body with `count` users, compact JSON.
pub(crate) fn users_json(count: usize) -> Vec<u8> {
    let mut rng = Rng(0x00C0_FFEE_u64 ^ count as u64);
    let mut out = String::with_capacity(count * 960 + 2);
    out.push('[');
    for i in 0..count {
        if i > 0 {
            out.push(',');
        }
        let mut user_uuid = String::with_capacity(36);
        rng.uuid(&mut user_uuid);
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick(LAST_NAMES);
        out.push_str("{\"uuid\":\"");
        out.push_str(&user_uuid);
        out.push_str("\",\"person\":{\"uuid\":\"");
        rng.uuid(&mut out);
        let _ = write!(
            out,
            "\",\"first_name\":\"{first}\",\"last_name\":\"{last}\",\"email\":\"user{i}@mycompany.com\""
        );
        let n = rng.next();
        let _ = match n % 3 {
            0 => write!(
                out,
                ",\"phone\":\"1-722-036-{:04}x{:04}\"",
                n % 10_000,
                i % 10_000
            ),
            1 => write!(out, ",\"phone\":\"(617)395-{:04}\"", n % 10_000),
            _ => write!(out, ",\"phone\":\"+1 555 {:07}\"", n % 10_000_000),
        };
        out.push_str("},\"permission_assignments\":{\"permissions\":[");
        let first_permission = i % PERMISSIONS.len();
        for k in 0..3 {
            let (uuid, name, display_name, description) =
                PERMISSIONS[(first_permission + k) % PERMISSIONS.len()];
            if k > 0 {
                out.push(',');
            }
            let assigned = (i + k) % 4 != 0;
            let _ = write!(
                out,
                "{{\"assigned\":{assigned},\"permission\":{{\"uuid\":\"{uuid}\",\"name\":\"{name}\",\"display_name\":\"{display_name}\",\"description\":\"{description}\"}}}}"
            );
        }
        out.push_str("],\"org_user\":{\"uuid\":\"");
        out.push_str(&user_uuid);
        let _ = write!(out, "\"}}}},\"status\":\"{}\"}}", rng.pick(STATUSES));
    }
    out.push(']');
    out.into_bytes()
}

/// A generator of a product or order page: the count of its list (items or
/// orders) to its compact JSON.
pub(crate) type Generate = fn(usize) -> Vec<u8>;

/// The product and order pages of [`pages`], by name.
pub(crate) const PAGES: &[(&str, Generate)] = &[
    ("search", pages::search_page_json),
    ("items", pages::items_json),
    ("orders", pages::orders_json),
];

/// The pages to run and their counts, from the environment variable `var`
/// (`search=100,items=10000`; an empty value runs none) or else `default`,
/// written the same way.
pub(crate) fn page_list(var: &str, default: &str) -> Vec<(&'static str, Generate, usize)> {
    let list = std::env::var(var).unwrap_or_else(|_| default.to_owned());
    list.split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let (name, count) = part
                .trim()
                .split_once('=')
                .unwrap_or_else(|| panic!("{var}: name=count, comma-separated"));
            let &(name, generate) = PAGES
                .iter()
                .find(|(known, _)| *known == name)
                .unwrap_or_else(|| panic!("{var}: unknown page {name}"));
            let count = count
                .parse()
                .unwrap_or_else(|_| panic!("{var}: {count} is not a count"));
            (name, generate, count)
        })
        .collect()
}
