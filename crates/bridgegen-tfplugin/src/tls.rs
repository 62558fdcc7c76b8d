//! go-plugin's AutoMTLS from the client side: we make a throw-away client certificate (passed
//! to the plugin in `PLUGIN_CLIENT_CERT`), the plugin answers with its own certificate in the
//! handshake line, and the connection trusts exactly that certificate.

use std::sync::Arc;

use p521::ecdsa::signature::Verifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{ring, verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use x509_cert::der::Decode;

use crate::Error;

/// A self-signed client certificate and its key, made fresh for one plugin process.
pub struct ClientCert {
    /// PEM text for `PLUGIN_CLIENT_CERT`.
    pub pem: String,
    der: CertificateDer<'static>,
    key: PrivatePkcs8KeyDer<'static>,
}

impl ClientCert {
    /// An ECDSA P-256 certificate for `localhost`, usable for client and server auth, marked as
    /// its own CA: the plugin puts it in its trust pool and verifies us against it.
    pub fn generate() -> Result<Self, Error> {
        let err = |e: rcgen::Error| Error::Tls(format!("cannot make the client certificate: {e}"));
        let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(err)?;
        let mut params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).map_err(err)?;
        params.distinguished_name.push(rcgen::DnType::CommonName, "localhost");
        params.distinguished_name.push(rcgen::DnType::OrganizationName, "bridgegen");
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params.key_usages = vec![
            rcgen::KeyUsagePurpose::DigitalSignature,
            rcgen::KeyUsagePurpose::KeyEncipherment,
            rcgen::KeyUsagePurpose::KeyAgreement,
            rcgen::KeyUsagePurpose::KeyCertSign,
        ];
        params.extended_key_usages =
            vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth, rcgen::ExtendedKeyUsagePurpose::ServerAuth];
        let cert = params.self_signed(&key).map_err(err)?;
        Ok(ClientCert { pem: cert.pem(), der: cert.der().clone(), key: PrivatePkcs8KeyDer::from(key.serialize_der()) })
    }

    /// The rustls client configuration: our certificate for client auth, the plugin's
    /// certificate (DER from the handshake line) as the only trusted server identity.
    pub fn client_config(&self, server_cert_der: Vec<u8>) -> Result<ClientConfig, Error> {
        let provider = Arc::new(ring::default_provider());
        let verifier = PinnedServer { cert: CertificateDer::from(server_cert_der), provider: provider.clone() };
        let mut config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::Tls(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_client_auth_cert(vec![self.der.clone()], PrivateKeyDer::Pkcs8(self.key.clone_key()))
            .map_err(|e| Error::Tls(format!("client certificate rejected by rustls: {e}")))?;
        // gRPC servers (grpc-go) insist on ALPN h2.
        config.alpn_protocols = vec![b"h2".to_vec()];
        Ok(config)
    }
}

/// Trusts one certificate, byte for byte. Handshake signatures are checked with ring, except
/// ECDSA P-521 (what go-plugin's certificates use), which ring lacks: RustCrypto's p521 checks those.
#[derive(Debug)]
struct PinnedServer {
    cert: CertificateDer<'static>,
    provider: Arc<CryptoProvider>,
}

impl PinnedServer {
    fn verify_p521(
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<(), rustls::Error> {
        let bad = |what: &str| rustls::Error::General(format!("plugin certificate: {what}"));
        let cert = x509_cert::Certificate::from_der(cert).map_err(|_| bad("not a valid X.509 certificate"))?;
        let spki = &cert.tbs_certificate.subject_public_key_info.subject_public_key;
        let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(spki.raw_bytes()).map_err(|_| bad("not a P-521 key"))?;
        let sig = p521::ecdsa::Signature::from_der(dss.signature()).map_err(|_| bad("malformed signature"))?;
        key.verify(message, &sig).map_err(|_| rustls::Error::InvalidCertificate(rustls::CertificateError::BadSignature))
    }
}

impl ServerCertVerifier for PinnedServer {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.cert.as_ref() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::ApplicationVerificationFailure))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        if dss.scheme == SignatureScheme::ECDSA_NISTP521_SHA512 {
            return Self::verify_p521(message, cert, dss).map(|()| HandshakeSignatureValid::assertion());
        }
        verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        if dss.scheme == SignatureScheme::ECDSA_NISTP521_SHA512 {
            return Self::verify_p521(message, cert, dss).map(|()| HandshakeSignatureValid::assertion());
        }
        verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        let mut schemes = self.provider.signature_verification_algorithms.supported_schemes();
        schemes.push(SignatureScheme::ECDSA_NISTP521_SHA512);
        schemes
    }
}
