//! Images: create, look up, list and delete.

use rusqlite::{params, OptionalExtension};

use super::*;

impl Store {
    /// Creates an image. Custom images need an existing `owner`; system images have none.
    /// Alibaba ids look like `m-` + 20 lowercase alphanumerics, Kakao ids are UUIDs.
    pub fn create_image(
        &self,
        cloud: Cloud,
        owner: Option<&str>,
        system: bool,
        id: Option<&str>,
        name: Option<&str>,
        region: Option<&str>,
    ) -> Result<Image, OpError> {
        if !system && owner.is_none() {
            return Err(Refusal::Invalid("a custom image needs an owner (or make it a system image)".into()).into());
        }
        let id = match id {
            Some(id)
                if !id.is_empty()
                    && !id.contains(['/', ':', '?', '#', '%'])
                    && !id.chars().any(char::is_whitespace) =>
            {
                id.to_string()
            }
            Some(id) => return Err(Refusal::Invalid(format!("invalid image id `{id}`")).into()),
            None => match cloud {
                Cloud::Alicloud => format!("m-{}", random_string(20, LOWER_ALNUM)),
                Cloud::Kakaocloud => {
                    let h = random_string(32, HEX);
                    format!("{}-{}-4{}-a{}-{}", &h[0..8], &h[8..12], &h[13..16], &h[17..20], &h[20..32])
                }
            },
        };
        let region = region.unwrap_or(match cloud {
            Cloud::Alicloud => "cn-beijing",
            Cloud::Kakaocloud => "kr-central-2",
        });
        let name = name.map(str::to_string).unwrap_or_else(|| format!("image-{id}"));
        let now = now_iso8601();
        let sql = self.sql();
        self.write(|tx| {
            if let Some(owner) = owner {
                let ok = tx
                    .query_row("SELECT 1 FROM accounts WHERE cloud = ?1 AND id = ?2", params![cloud.as_str(), owner], |_| Ok(()))
                    .optional()
                    .map_err(&sql)?
                    .is_some();
                if !ok {
                    return Err(Refusal::AccountNotFound(owner.to_string()).into());
                }
            }
            let dup = tx.query_row("SELECT 1 FROM images WHERE id = ?1", params![id], |_| Ok(())).optional().map_err(&sql)?;
            if dup.is_some() {
                return Err(Refusal::Invalid(format!("image `{id}` already exists")).into());
            }
            tx.execute(
                "INSERT INTO images (id, cloud, owner, system, name, region, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, cloud.as_str(), owner, system, name, region, now],
            )
            .map_err(&sql)?;
            Ok(())
        })?;
        Ok(Image {
            cloud,
            id,
            owner: owner.map(str::to_string),
            system,
            name,
            region: region.to_string(),
            created_at: now,
            share_count: 0,
        })
    }

    pub(super) const IMAGE_COLS: &'static str = "i.id, i.cloud, i.owner, i.system, i.name, i.region, i.created_at, \
        (SELECT COUNT(*) FROM shares s WHERE s.image_id = i.id)";

    pub(super) fn image_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Image> {
        let cloud: String = r.get(1)?;
        let n: i64 = r.get(7)?;
        Ok(Image {
            id: r.get(0)?,
            cloud: cloud.parse().unwrap_or(Cloud::Alicloud),
            owner: r.get(2)?,
            system: r.get(3)?,
            name: r.get(4)?,
            region: r.get(5)?,
            created_at: r.get(6)?,
            share_count: n as usize,
        })
    }

    pub fn image(&self, id: &str) -> Result<Option<Image>, StoreError> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {} FROM images i WHERE i.id = ?1", Self::IMAGE_COLS),
                params![id],
                Self::image_row,
            )
            .optional()
        })
    }

    pub fn list_images(&self, cloud: Option<Cloud>) -> Result<Vec<Image>, StoreError> {
        self.read(|c| {
            let mut st =
                c.prepare(&format!("SELECT {} FROM images i ORDER BY i.cloud, i.created_at, i.id", Self::IMAGE_COLS))?;
            let all: Vec<Image> = st.query_map([], Self::image_row)?.collect::<Result<_, _>>()?;
            Ok(all.into_iter().filter(|i| cloud.is_none() || cloud == Some(i.cloud)).collect())
        })
    }

    /// Deletes an image and its shares. Returns whether it existed.
    pub fn delete_image(&self, id: &str) -> Result<bool, OpError> {
        let sql = self.sql();
        self.write(|tx| {
            tx.execute("DELETE FROM shares WHERE image_id = ?1", params![id]).map_err(&sql)?;
            Ok(tx.execute("DELETE FROM images WHERE id = ?1", params![id]).map_err(&sql)? > 0)
        })
    }

    /// All shares of an image in the order they were made (no permission check).
    pub fn shares(&self, image_id: &str) -> Result<Vec<Share>, StoreError> {
        self.read(|c| shares_of(c, image_id))
    }
}
