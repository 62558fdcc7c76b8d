//! `bridgegen cloud ...`: run and seed the embedded local cloud (crate `bridgegen-cloud`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, Context};
use bridgegen_cloud::{default_db_path, Cloud, OpError, Refusal, Store, DEFAULT_ADDR};
use clap::{Args, Subcommand, ValueEnum};

use crate::Failure;

#[derive(Debug, Args)]
pub struct CloudArgs {
    /// SQLite database of the cloud [default: $BRIDGEGEN_CLOUD_DB, else
    /// $XDG_DATA_HOME/bridgegen/cloud.db, else ~/.local/share/bridgegen/cloud.db]
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: CloudCommand,
}

#[derive(Debug, Subcommand)]
pub enum CloudCommand {
    /// Serve the Alibaba Cloud ECS and KakaoCloud image APIs over HTTP on loopback; prints the
    /// endpoint URL on stdout, then runs until interrupted
    Serve {
        /// Loopback address to listen on (port 0 picks a free port)
        #[arg(long, default_value = DEFAULT_ADDR)]
        addr: String,
    },
    /// Accounts (Alibaba Cloud) and projects (KakaoCloud) with their credentials
    #[command(subcommand)]
    Account(AccountCommand),
    /// Custom and system images
    #[command(subcommand)]
    Image(ImageCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CloudName {
    /// Alibaba Cloud (ECS images, accounts with AccessKeys)
    Alicloud,
    /// KakaoCloud (images, projects with application credentials)
    Kakaocloud,
}

impl From<CloudName> for Cloud {
    fn from(c: CloudName) -> Cloud {
        match c {
            CloudName::Alicloud => Cloud::Alicloud,
            CloudName::Kakaocloud => Cloud::Kakaocloud,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create an account/project and print its new credential (AccessKey pair or application credential)
    Create {
        /// Which cloud: alicloud (Alibaba Cloud ECS) or kakaocloud
        #[arg(long, value_enum)]
        cloud: CloudName,
        /// Account id (Alibaba: digits) or project id (Kakao); random if omitted
        #[arg(long)]
        id: Option<String>,
        /// Display name [default: <cloud>-<id>]
        #[arg(long)]
        name: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Issue another credential for an existing account/project
    Credential {
        /// Which cloud: alicloud (Alibaba Cloud ECS) or kakaocloud
        #[arg(long, value_enum)]
        cloud: CloudName,
        /// Account id (Alibaba) or project id (Kakao)
        #[arg(long)]
        account: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// List accounts and projects
    List {
        /// Only this cloud [default: both]
        #[arg(long, value_enum)]
        cloud: Option<CloudName>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// Create a custom image owned by an account/project, or a system image (--system)
    Create {
        /// Which cloud: alicloud (Alibaba Cloud ECS) or kakaocloud
        #[arg(long, value_enum)]
        cloud: CloudName,
        /// Owning account (Alibaba) or project (Kakao); required unless --system
        #[arg(long, required_unless_present = "system")]
        owner: Option<String>,
        /// A system/public image: has no owner and cannot be shared
        #[arg(long)]
        system: bool,
        /// Image id (Alibaba `m-...`, Kakao UUID); random if omitted
        #[arg(long)]
        id: Option<String>,
        /// Display name [default: image-<id>]
        #[arg(long)]
        name: Option<String>,
        /// Region [default: cn-beijing (alicloud), kr-central-2 (kakaocloud)]
        #[arg(long)]
        region: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// List images with owner and number of shares
    List {
        /// Only this cloud [default: both]
        #[arg(long, value_enum)]
        cloud: Option<CloudName>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Delete an image and its shares
    Delete {
        /// Image id
        id: String,
    },
}

fn refusal_text(e: OpError) -> anyhow::Error {
    match e {
        OpError::Refused(Refusal::AccountNotFound(a)) => anyhow!("no such account/project `{a}`"),
        OpError::Refused(Refusal::Invalid(m)) => anyhow!("{m}"),
        OpError::Refused(r) => anyhow!("refused: {r:?}"),
        OpError::Store(e) => anyhow!(e),
    }
}

fn print_json(v: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn print_credential(cred: &bridgegen_cloud::Credential, json: bool) -> anyhow::Result<()> {
    if json {
        return print_json(cred);
    }
    match cred.cloud {
        Cloud::Alicloud => {
            println!("account:           {}", cred.account_id);
            println!("access key id:     {}", cred.key_id);
            println!("access key secret: {}", cred.secret);
        }
        Cloud::Kakaocloud => {
            println!("project:                        {}", cred.account_id);
            println!("application credential id:     {}", cred.key_id);
            println!("application credential secret: {}", cred.secret);
        }
    }
    Ok(())
}

pub(crate) fn run(args: CloudArgs) -> Result<(), Failure> {
    let db = args.db.unwrap_or_else(default_db_path);
    if let CloudCommand::Serve { addr } = &args.command {
        let shown = db.clone();
        bridgegen_cloud::serve_blocking(&db, addr, |server| {
            println!("{}", server.endpoint());
            let _ = std::io::stdout().flush();
            eprintln!(
                "bridgegen cloud: serving Alibaba Cloud ECS and KakaoCloud image APIs on {} (database {}); Ctrl-C stops",
                server.endpoint(),
                shown.display()
            );
        })
        .with_context(|| format!("serving the embedded cloud on {addr}"))?;
        return Ok(());
    }
    let store = Store::open(&db).with_context(|| format!("opening {}", db.display()))?;
    match args.command {
        CloudCommand::Serve { .. } => unreachable!("handled above"),
        CloudCommand::Account(AccountCommand::Create { cloud, id, name, json }) => {
            let (account, cred) =
                store.create_account(cloud.into(), id.as_deref(), name.as_deref()).map_err(refusal_text)?;
            if json {
                print_json(&serde_json::json!({ "account": account, "credential": cred }))?;
            } else {
                eprintln!("created {} account {} ({})", account.cloud, account.id, account.name);
                print_credential(&cred, false)?;
            }
        }
        CloudCommand::Account(AccountCommand::Credential { cloud, account, json }) => {
            let cred = store.create_credential(cloud.into(), &account).map_err(refusal_text)?;
            print_credential(&cred, json)?;
        }
        CloudCommand::Account(AccountCommand::List { cloud, json }) => {
            let accounts = store.list_accounts(cloud.map(Cloud::from)).context("listing accounts")?;
            if json {
                print_json(&accounts)?;
            } else {
                for a in accounts {
                    println!("{:<10} {:<34} {:<20} {}", a.cloud, a.id, a.created_at, a.name);
                }
            }
        }
        CloudCommand::Image(ImageCommand::Create { cloud, owner, system, id, name, region, json }) => {
            let owner = if system { None } else { owner };
            let image = store
                .create_image(cloud.into(), owner.as_deref(), system, id.as_deref(), name.as_deref(), region.as_deref())
                .map_err(refusal_text)?;
            if json {
                print_json(&image)?;
            } else {
                println!("{}", image.id);
            }
        }
        CloudCommand::Image(ImageCommand::List { cloud, json }) => {
            let images = store.list_images(cloud.map(Cloud::from)).context("listing images")?;
            if json {
                print_json(&images)?;
            } else {
                println!(
                    "{:<10} {:<38} {:<8} {:<34} {:<14} {:>6}",
                    "CLOUD", "IMAGE", "KIND", "OWNER", "REGION", "SHARES"
                );
                for i in images {
                    println!(
                        "{:<10} {:<38} {:<8} {:<34} {:<14} {:>6}",
                        i.cloud,
                        i.id,
                        if i.system { "system" } else { "custom" },
                        i.owner.as_deref().unwrap_or("-"),
                        i.region,
                        i.share_count
                    );
                }
            }
        }
        CloudCommand::Image(ImageCommand::Delete { id }) => {
            if !store.delete_image(&id).map_err(refusal_text)? {
                return Err(anyhow!("no such image `{id}`").into());
            }
            eprintln!("deleted image {id}");
        }
    }
    Ok(())
}
