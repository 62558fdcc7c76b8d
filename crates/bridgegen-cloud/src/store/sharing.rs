//! Sharing an image: Alibaba's share permissions and KakaoCloud's image members, each
//! checked against the owner and [`SHARE_LIMIT`] inside one write transaction.

use rusqlite::{params, Connection, OptionalExtension};

use super::*;

impl Store {
    /// Checks that `caller` may manage the shares of `image_id` in `cloud`.
    fn owned_image(
        tx: &Connection,
        cloud: Cloud,
        caller: &str,
        image_id: &str,
        region: Option<&str>,
    ) -> Result<Result<Image, Refusal>, rusqlite::Error> {
        let img = tx
            .query_row(
                &format!("SELECT {} FROM images i WHERE i.id = ?1", Self::IMAGE_COLS),
                params![image_id],
                Self::image_row,
            )
            .optional()?;
        let Some(img) = img.filter(|i| i.cloud == cloud && region.is_none() || region == Some(i.region.as_str()))
        else {
            return Ok(Err(Refusal::ImageNotFound));
        };
        if img.system {
            return Ok(Err(Refusal::SystemImage));
        }
        if img.owner.as_deref() != Some(caller) {
            return Ok(Err(Refusal::NotOwner));
        }
        Ok(Ok(img))
    }

    /// Alibaba `ModifyImageSharePermission`: removes then adds accounts, atomically. Adding an
    /// already shared account is a no-op. Refuses (changing nothing) if the result would
    /// exceed [`SHARE_LIMIT`].
    pub fn modify_alicloud_shares(
        &self,
        caller: &str,
        image_id: &str,
        region: &str,
        add: &[String],
        remove: &[String],
    ) -> Result<(), OpError> {
        let sql = self.sql();
        self.write(|tx| {
            let img = Self::owned_image(tx, Cloud::Alicloud, caller, image_id, Some(region)).map_err(&sql)??;
            for a in add {
                if a == caller || img.owner.as_deref() == Some(a.as_str()) {
                    return Err(Refusal::SelfShare.into());
                }
                let exists = tx
                    .query_row("SELECT 1 FROM accounts WHERE cloud = 'alicloud' AND id = ?1", params![a], |_| Ok(()))
                    .optional()
                    .map_err(&sql)?
                    .is_some();
                if !exists {
                    return Err(Refusal::AccountNotFound(a.clone()).into());
                }
            }
            for r in remove {
                tx.execute("DELETE FROM shares WHERE image_id = ?1 AND member_id = ?2", params![image_id, r]).map_err(&sql)?;
            }
            let now = now_iso8601();
            for a in add {
                tx.execute(
                    "INSERT OR IGNORE INTO shares (image_id, member_id, status, created_at, updated_at) VALUES (?1, ?2, 'accepted', ?3, ?3)",
                    params![image_id, a, now],
                )
                .map_err(&sql)?;
            }
            let n: i64 = tx.query_row("SELECT COUNT(*) FROM shares WHERE image_id = ?1", params![image_id], |r| r.get(0)).map_err(&sql)?;
            if n as usize > SHARE_LIMIT {
                return Err(Refusal::QuotaExceeded.into()); // rolls back
            }
            Ok(())
        })
    }

    /// Alibaba `DescribeImageSharePermission`: the shares of an image the caller owns.
    pub fn alicloud_shares(&self, caller: &str, image_id: &str, region: &str) -> Result<Vec<Share>, OpError> {
        let sql = self.sql();
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        Self::owned_image(&conn, Cloud::Alicloud, caller, image_id, Some(region)).map_err(&sql)??;
        shares_of(&conn, image_id).map_err(&sql)
    }

    /// Kakao: adds project `member` to `image_id` owned by `caller` (status `pending`).
    pub fn add_kakao_member(&self, caller: &str, image_id: &str, member: &str) -> Result<Share, OpError> {
        let sql = self.sql();
        self.write(|tx| {
            Self::owned_image(tx, Cloud::Kakaocloud, caller, image_id, None).map_err(&sql)??;
            if member == caller {
                return Err(Refusal::SelfShare.into());
            }
            let exists = tx
                .query_row("SELECT 1 FROM accounts WHERE cloud = 'kakaocloud' AND id = ?1", params![member], |_| Ok(()))
                .optional()
                .map_err(&sql)?
                .is_some();
            if !exists {
                return Err(Refusal::AccountNotFound(member.to_string()).into());
            }
            if share_of(tx, image_id, member).map_err(&sql)?.is_some() {
                return Err(Refusal::AlreadyMember.into());
            }
            let n: i64 = tx.query_row("SELECT COUNT(*) FROM shares WHERE image_id = ?1", params![image_id], |r| r.get(0)).map_err(&sql)?;
            if n as usize >= SHARE_LIMIT {
                return Err(Refusal::QuotaExceeded.into());
            }
            let now = now_iso8601();
            tx.execute(
                "INSERT INTO shares (image_id, member_id, status, created_at, updated_at) VALUES (?1, ?2, 'pending', ?3, ?3)",
                params![image_id, member, now],
            )
            .map_err(&sql)?;
            Ok(Share { image_id: image_id.into(), member_id: member.into(), status: "pending".into(), created_at: now.clone(), updated_at: now })
        })
    }

    /// Kakao: removes a member; `MemberNotFound` when absent.
    pub fn remove_kakao_member(&self, caller: &str, image_id: &str, member: &str) -> Result<(), OpError> {
        let sql = self.sql();
        self.write(|tx| {
            Self::owned_image(tx, Cloud::Kakaocloud, caller, image_id, None).map_err(&sql)??;
            let n = tx
                .execute("DELETE FROM shares WHERE image_id = ?1 AND member_id = ?2", params![image_id, member])
                .map_err(&sql)?;
            if n == 0 {
                return Err(Refusal::MemberNotFound.into());
            }
            Ok(())
        })
    }

    /// Kakao: members visible to `caller`: all of them for the owner, only itself for a member.
    pub fn kakao_members(&self, caller: &str, image_id: &str) -> Result<Vec<Share>, OpError> {
        let sql = self.sql();
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        match Self::owned_image(&conn, Cloud::Kakaocloud, caller, image_id, None).map_err(&sql)? {
            Ok(_) => shares_of(&conn, image_id).map_err(&sql),
            Err(Refusal::NotOwner) | Err(Refusal::SystemImage) => {
                let own = share_of(&conn, image_id, caller).map_err(&sql)?;
                match own {
                    Some(s) => Ok(vec![s]),
                    None => Err(Refusal::NotOwner.into()),
                }
            }
            Err(r) => Err(r.into()),
        }
    }

    /// Kakao: one member, visible to the image owner and to the member itself.
    pub fn kakao_member(&self, caller: &str, image_id: &str, member: &str) -> Result<Share, OpError> {
        let sql = self.sql();
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let owner_check = Self::owned_image(&conn, Cloud::Kakaocloud, caller, image_id, None).map_err(&sql)?;
        match owner_check {
            Ok(_) => {}
            Err(Refusal::NotOwner) if member == caller => {}
            Err(r) => return Err(r.into()),
        }
        share_of(&conn, image_id, member).map_err(&sql)?.ok_or(OpError::Refused(Refusal::MemberNotFound))
    }

    /// Kakao: the member project itself accepts/rejects a shared image.
    pub fn set_kakao_member_status(
        &self,
        caller: &str,
        image_id: &str,
        member: &str,
        status: &str,
    ) -> Result<Share, OpError> {
        if !matches!(status, "pending" | "accepted" | "rejected") {
            return Err(
                Refusal::Invalid(format!("status must be pending, accepted or rejected, not `{status}`")).into()
            );
        }
        let sql = self.sql();
        self.write(|tx| {
            let img = tx
                .query_row(
                    &format!("SELECT {} FROM images i WHERE i.id = ?1", Self::IMAGE_COLS),
                    params![image_id],
                    Self::image_row,
                )
                .optional()
                .map_err(&sql)?
                .filter(|i| i.cloud == Cloud::Kakaocloud);
            if img.is_none() {
                return Err(Refusal::ImageNotFound.into());
            }
            if member != caller {
                return Err(Refusal::NotOwner.into());
            }
            let now = now_iso8601();
            let n = tx
                .execute(
                    "UPDATE shares SET status = ?3, updated_at = ?4 WHERE image_id = ?1 AND member_id = ?2",
                    params![image_id, member, status, now],
                )
                .map_err(&sql)?;
            if n == 0 {
                return Err(Refusal::MemberNotFound.into());
            }
            share_of(tx, image_id, member).map_err(&sql)?.ok_or(OpError::Refused(Refusal::MemberNotFound))
        })
    }
}

pub(super) fn shares_of(c: &Connection, image_id: &str) -> rusqlite::Result<Vec<Share>> {
    let mut st = c.prepare(
        "SELECT image_id, member_id, status, created_at, updated_at FROM shares WHERE image_id = ?1 ORDER BY seq",
    )?;
    let rows = st.query_map(params![image_id], share_row)?;
    rows.collect()
}

fn share_of(c: &Connection, image_id: &str, member: &str) -> rusqlite::Result<Option<Share>> {
    c.query_row(
        "SELECT image_id, member_id, status, created_at, updated_at FROM shares WHERE image_id = ?1 AND member_id = ?2",
        params![image_id, member],
        share_row,
    )
    .optional()
}

fn share_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Share> {
    Ok(Share {
        image_id: r.get(0)?,
        member_id: r.get(1)?,
        status: r.get(2)?,
        created_at: r.get(3)?,
        updated_at: r.get(4)?,
    })
}
