//! tower-sessions on top of [`Store`]: browser sessions live in the same backend as everything
//! else, so every replica sharing the store sees them.

use super::Store;
use crate::security::storage_hash;
use async_trait::async_trait;
use std::fmt;
use std::sync::Arc;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result, SessionStore};

#[derive(Clone)]
pub struct StoreSessions(pub Arc<dyn Store>);

impl fmt::Debug for StoreSessions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoreSessions")
    }
}

/// The session id is the cookie's secret; the store is keyed by its hash so a copy of the
/// store does not hand out live sessions.
fn key(id: &Id) -> String {
    storage_hash(&id.to_string())
}

#[async_trait]
impl SessionStore for StoreSessions {
    /// Ids are 128 random bits, so a collision is vanishingly unlikely; but one would hand a
    /// browser someone else's session, so a taken id is replaced rather than overwritten.
    async fn create(&self, record: &mut Record) -> Result<()> {
        while self.load(&record.id).await?.is_some() {
            record.id = Id::default();
        }
        self.save(record).await
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_vec(record).map_err(|e| Error::Encode(e.to_string()))?;
        self.0
            .put_browser_session(&key(&record.id), &data, record.expiry_date)
            .await
            .map_err(|e| Error::Backend(e.to_string()))
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let data = self
            .0
            .get_browser_session(&key(id), OffsetDateTime::now_utc())
            .await
            .map_err(|e| Error::Backend(e.to_string()))?;
        match data {
            None => Ok(None),
            Some(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| Error::Decode(e.to_string())),
        }
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.0
            .delete_browser_session(&key(id))
            .await
            .map_err(|e| Error::Backend(e.to_string()))
    }
}
