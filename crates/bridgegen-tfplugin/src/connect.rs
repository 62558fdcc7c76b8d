//! The gRPC channel to a plugin: unix socket or TCP, with AutoMTLS when the plugin sent a
//! certificate (plaintext otherwise, as go-plugin does without `PLUGIN_CLIENT_CERT`).

use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpStream, UnixStream};
use tonic::transport::{Channel, Endpoint, Uri};

use crate::handshake::{Handshake, PluginAddr};
use crate::tls::ClientCert;
use crate::Error;

trait Io: AsyncRead + AsyncWrite + Send + Unpin + 'static {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin + 'static> Io for T {}

pub async fn connect(handshake: &Handshake, cert: &ClientCert) -> Result<Channel, Error> {
    let addr = handshake.addr.clone();
    let tls = match &handshake.server_cert {
        Some(der) => Some(tokio_rustls::TlsConnector::from(Arc::new(cert.client_config(der.clone())?))),
        None => None,
    };
    let connector = tower::service_fn(move |_: Uri| {
        let addr = addr.clone();
        let tls = tls.clone();
        async move {
            let stream: Box<dyn Io> = match &addr {
                PluginAddr::Tcp(a) => Box::new(TcpStream::connect(a).await?),
                PluginAddr::Unix(p) => Box::new(UnixStream::connect(p).await?),
            };
            let stream: Box<dyn Io> = match tls {
                // go-plugin's certificates are issued for `localhost`.
                Some(tls) => {
                    Box::new(tls.connect(ServerName::try_from("localhost").expect("valid name"), stream).await?)
                }
                None => stream,
            };
            Ok::<_, std::io::Error>(TokioIo::new(stream))
        }
    });
    let where_ = match &handshake.addr {
        PluginAddr::Tcp(a) => format!("tcp {a}"),
        PluginAddr::Unix(p) => format!("unix {}", p.display()),
    };
    Endpoint::from_static("http://localhost")
        .connect_timeout(Duration::from_secs(20))
        .connect_with_connector(connector)
        .await
        .map_err(|e| Error::Connect(format!("{where_}: {}", crate::error_chain(&e))))
}
