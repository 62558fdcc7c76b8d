//! Durable state of the embedded cloud in SQLite.
//!
//! Every mutation runs in a `BEGIN IMMEDIATE` transaction (the write lock is taken before
//! anything is read), so checks such as the 50-share quota are atomic even when several
//! servers or CLI processes use the same database file. The journal is WAL with
//! `synchronous=FULL`: a committed share survives a crash of any process.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rand::distributions::Alphanumeric;
use rand::Rng;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use crate::time::now_iso8601;

mod images;
mod sharing;

use sharing::shares_of;

/// Maximum number of accounts/projects one image can be shared with.
pub const SHARE_LIMIT: usize = 50;

/// Lifetime of a KakaoCloud token issued from an application credential.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(12 * 3600);

/// Which emulated cloud an account, credential or image belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cloud {
    Alicloud,
    Kakaocloud,
}

impl Cloud {
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Alicloud => "alicloud",
            Cloud::Kakaocloud => "kakaocloud",
        }
    }
}

impl std::str::FromStr for Cloud {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "alicloud" => Ok(Cloud::Alicloud),
            "kakaocloud" => Ok(Cloud::Kakaocloud),
            other => Err(format!("unknown cloud `{other}` (expected alicloud or kakaocloud)")),
        }
    }
}

impl std::fmt::Display for Cloud {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An Alibaba Cloud account (numeric `AliyunId`) or a KakaoCloud project (32 hex digits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub cloud: Cloud,
    pub id: String,
    pub name: String,
    pub created_at: String,
}

/// An Alibaba Cloud AccessKey pair or a KakaoCloud application credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credential {
    pub cloud: Cloud,
    pub account_id: String,
    pub key_id: String,
    pub secret: String,
}

/// A custom image (owned by an account) or a system/public image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    pub cloud: Cloud,
    pub id: String,
    /// Owning account/project; `None` for system images.
    pub owner: Option<String>,
    pub system: bool,
    pub name: String,
    pub region: String,
    pub created_at: String,
    pub share_count: usize,
}

/// One share of an image with an account (Alibaba) or member project (Kakao).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Share {
    pub image_id: String,
    pub member_id: String,
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
}

/// Why the cloud refuses an operation; each API maps this to its own error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    ImageNotFound,
    /// The caller does not own the image.
    NotOwner,
    /// System/public images cannot be shared.
    SystemImage,
    /// The account/project to share with does not exist.
    AccountNotFound(String),
    /// An image cannot be shared with its own owner.
    SelfShare,
    /// Sharing would exceed [`SHARE_LIMIT`].
    QuotaExceeded,
    AlreadyMember,
    MemberNotFound,
    /// A value that is not acceptable (message says which).
    Invalid(String),
}

/// A database failure (I/O, corruption, lock timeout).
#[derive(Debug, thiserror::Error)]
#[error("cloud database {path}: {source}")]
pub struct StoreError {
    pub path: String,
    #[source]
    pub source: rusqlite::Error,
}

/// The outcome of a store operation that the API can refuse.
#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<Refusal> for OpError {
    fn from(r: Refusal) -> Self {
        OpError::Refused(r)
    }
}

/// Default database location: `$BRIDGEGEN_CLOUD_DB`, else `$XDG_DATA_HOME/bridgegen/cloud.db`,
/// else `$HOME/.local/share/bridgegen/cloud.db`, else `.bridgegen/cloud.db`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("BRIDGEGEN_CLOUD_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|p| !p.is_empty()) {
        return PathBuf::from(d).join("bridgegen").join("cloud.db");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|p| !p.is_empty()) {
        return PathBuf::from(h).join(".local/share/bridgegen/cloud.db");
    }
    PathBuf::from(".bridgegen/cloud.db")
}

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS accounts (
    cloud TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (cloud, id)
);
CREATE TABLE IF NOT EXISTS credentials (
    key_id TEXT PRIMARY KEY,
    cloud TEXT NOT NULL,
    account_id TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    FOREIGN KEY (cloud, account_id) REFERENCES accounts (cloud, id)
);
CREATE TABLE IF NOT EXISTS images (
    id TEXT PRIMARY KEY,
    cloud TEXT NOT NULL,
    owner TEXT,
    system INTEGER NOT NULL,
    name TEXT NOT NULL,
    region TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS shares (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    image_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (image_id, member_id)
);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES credentials (key_id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS nonces (
    nonce TEXT PRIMARY KEY,
    seen_at INTEGER NOT NULL
);
PRAGMA user_version = 1;
"#;

/// The embedded cloud's database. Cheap to share behind an `Arc`; all methods are blocking
/// (call them from `spawn_blocking` in async code).
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

fn random_string(len: usize, charset: &[u8]) -> String {
    let mut rng = rand::thread_rng();
    (0..len).map(|_| charset[rng.gen_range(0..charset.len())] as char).collect()
}

fn random_alnum(len: usize) -> String {
    rand::thread_rng().sample_iter(&Alphanumeric).take(len).map(char::from).collect()
}

const HEX: &[u8] = b"0123456789abcdef";
const DIGITS: &[u8] = b"0123456789";
const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Store {
    /// Opens (creating if needed) the database at `path`, including parent directories.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        let err = |source| StoreError { path: path.display().to_string(), source };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| err(rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
        }
        let conn = Connection::open(&path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(err)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        Ok(Store { conn: Mutex::new(conn), path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError { path: self.path.display().to_string(), source }
    }

    /// Runs `f` in an IMMEDIATE transaction; commits on `Ok`, rolls back on `Err`.
    fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, OpError>) -> Result<T, OpError> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| self.err(e))?;
        let out = f(&tx)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(out)
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&conn).map_err(|e| self.err(e))
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> OpError + '_ {
        move |e| OpError::Store(self.err(e))
    }

    // ---------------------------------------------------------------- accounts

    /// Creates an account (Alibaba: 16-digit id; Kakao: 32-hex project id, unless `id` is given)
    /// together with one credential, which is returned.
    pub fn create_account(
        &self,
        cloud: Cloud,
        id: Option<&str>,
        name: Option<&str>,
    ) -> Result<(Account, Credential), OpError> {
        let id = match id {
            Some(id) => {
                validate_account_id(cloud, id)?;
                id.to_string()
            }
            None => match cloud {
                Cloud::Alicloud => format!("1{}", random_string(15, DIGITS)),
                Cloud::Kakaocloud => random_string(32, HEX),
            },
        };
        let name = name.map(str::to_string).unwrap_or_else(|| format!("{cloud}-{id}"));
        let now = now_iso8601();
        let account = Account { cloud, id: id.clone(), name, created_at: now.clone() };
        let sql = self.sql();
        self.write(|tx| {
            let exists: bool = tx
                .query_row("SELECT 1 FROM accounts WHERE cloud = ?1 AND id = ?2", params![cloud.as_str(), id], |_| {
                    Ok(())
                })
                .optional()
                .map_err(&sql)?
                .is_some();
            if exists {
                return Err(Refusal::Invalid(format!("{cloud} account `{id}` already exists")).into());
            }
            tx.execute(
                "INSERT INTO accounts (cloud, id, name, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![cloud.as_str(), account.id, account.name, now],
            )
            .map_err(&sql)?;
            Ok(())
        })?;
        let cred = self.create_credential(cloud, &id)?;
        Ok((account, cred))
    }

    /// Issues a new credential (Alibaba AccessKey `LTAI...` / Kakao application credential).
    pub fn create_credential(&self, cloud: Cloud, account_id: &str) -> Result<Credential, OpError> {
        let (key_id, secret) = match cloud {
            Cloud::Alicloud => (format!("LTAI{}", random_alnum(20)), random_alnum(30)),
            Cloud::Kakaocloud => (random_string(32, HEX), random_alnum(64)),
        };
        let sql = self.sql();
        self.write(|tx| {
            let exists = tx
                .query_row(
                    "SELECT 1 FROM accounts WHERE cloud = ?1 AND id = ?2",
                    params![cloud.as_str(), account_id],
                    |_| Ok(()),
                )
                .optional()
                .map_err(&sql)?
                .is_some();
            if !exists {
                return Err(Refusal::AccountNotFound(account_id.to_string()).into());
            }
            tx.execute(
                "INSERT INTO credentials (key_id, cloud, account_id, secret, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![key_id, cloud.as_str(), account_id, secret, now_iso8601()],
            )
            .map_err(&sql)?;
            Ok(())
        })?;
        Ok(Credential { cloud, account_id: account_id.to_string(), key_id, secret })
    }

    pub fn list_accounts(&self, cloud: Option<Cloud>) -> Result<Vec<Account>, StoreError> {
        self.read(|c| {
            let mut st =
                c.prepare("SELECT cloud, id, name, created_at FROM accounts ORDER BY cloud, created_at, id")?;
            let rows = st.query_map([], |r| {
                let cloud: String = r.get(0)?;
                Ok(Account {
                    cloud: cloud.parse().unwrap_or(Cloud::Alicloud),
                    id: r.get(1)?,
                    name: r.get(2)?,
                    created_at: r.get(3)?,
                })
            })?;
            let all: Vec<Account> = rows.collect::<Result<_, _>>()?;
            Ok(all.into_iter().filter(|a| cloud.is_none() || cloud == Some(a.cloud)).collect())
        })
    }

    /// Looks up a credential by its key id (AccessKeyId / application credential id).
    pub fn credential(&self, cloud: Cloud, key_id: &str) -> Result<Option<Credential>, StoreError> {
        self.read(|c| {
            c.query_row(
                "SELECT account_id, secret FROM credentials WHERE key_id = ?1 AND cloud = ?2",
                params![key_id, cloud.as_str()],
                |r| Ok(Credential { cloud, account_id: r.get(0)?, key_id: key_id.to_string(), secret: r.get(1)? }),
            )
            .optional()
        })
    }

    // ---------------------------------------------------------------- auth

    /// Kakao: exchanges an application credential for a token. `None` if id/secret are wrong.
    /// Returns `(token, project id, expires_at unix seconds)`.
    pub fn issue_token(&self, key_id: &str, secret: &str) -> Result<Option<(String, String, i64)>, OpError> {
        let Some(cred) = self.credential(Cloud::Kakaocloud, key_id)? else {
            return Ok(None);
        };
        if !constant_time_eq(cred.secret.as_bytes(), secret.as_bytes()) {
            return Ok(None);
        }
        let token = format!("gAAAAA{}", random_alnum(120));
        let expires = unix_now() + TOKEN_LIFETIME.as_secs() as i64;
        let sql = self.sql();
        self.write(|tx| {
            tx.execute("DELETE FROM tokens WHERE expires_at < ?1", params![unix_now()]).map_err(&sql)?;
            tx.execute(
                "INSERT INTO tokens (token, key_id, expires_at) VALUES (?1, ?2, ?3)",
                params![token, key_id, expires],
            )
            .map_err(&sql)?;
            Ok(())
        })?;
        Ok(Some((token, cred.account_id, expires)))
    }

    /// Kakao: the project a valid, unexpired token belongs to.
    pub fn token_project(&self, token: &str) -> Result<Option<String>, StoreError> {
        self.read(|c| {
            c.query_row(
                "SELECT c.account_id FROM tokens t JOIN credentials c ON c.key_id = t.key_id WHERE t.token = ?1 AND t.expires_at >= ?2",
                params![token, unix_now()],
                |r| r.get(0),
            )
            .optional()
        })
    }

    /// Alibaba: records a `SignatureNonce`; false if it was already used within `window`.
    pub fn use_nonce(&self, nonce: &str, window: Duration) -> Result<bool, OpError> {
        let sql = self.sql();
        self.write(|tx| {
            let now = unix_now();
            tx.execute("DELETE FROM nonces WHERE seen_at < ?1", params![now - window.as_secs() as i64])
                .map_err(&sql)?;
            let n = tx
                .execute("INSERT OR IGNORE INTO nonces (nonce, seen_at) VALUES (?1, ?2)", params![nonce, now])
                .map_err(&sql)?;
            Ok(n == 1)
        })
    }
}

fn validate_account_id(cloud: Cloud, id: &str) -> Result<(), Refusal> {
    let ok = match cloud {
        Cloud::Alicloud => !id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_digit()),
        Cloud::Kakaocloud => {
            !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }
    };
    if ok {
        Ok(())
    } else {
        Err(Refusal::Invalid(match cloud {
            Cloud::Alicloud => format!("Alibaba Cloud account ids are digits, not `{id}`"),
            Cloud::Kakaocloud => format!("KakaoCloud project ids are letters, digits, `-` and `_`, not `{id}`"),
        }))
    }
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
