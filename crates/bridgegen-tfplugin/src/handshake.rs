//! The go-plugin handshake line a plugin prints on stdout:
//! `CORE-PROTOCOL-VERSION|APP-PROTOCOL-VERSION|NETWORK|ADDRESS|PROTOCOL|SERVER-CERT[|MUX]`,
//! e.g. `1|6|unix|/tmp/plugin123|grpc|MIIB...` or `1|5|tcp|127.0.0.1:10000|grpc|`.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;

/// Where the plugin listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginAddr {
    Tcp(String),
    Unix(std::path::PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handshake {
    /// The Terraform protocol the plugin chose: 5 or 6.
    pub protocol_version: u32,
    pub addr: PluginAddr,
    /// DER of the plugin's AutoMTLS certificate; `None` when it serves plaintext.
    pub server_cert: Option<Vec<u8>>,
}

/// go-plugin's only core protocol version.
const CORE_PROTOCOL_VERSION: &str = "1";

/// go-plugin sends the certificate in unpadded standard base64; accept padding too.
const CERT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

impl Handshake {
    /// Parses the line; `offered` are the protocol versions we asked for.
    pub fn parse(line: &str, offered: &[u32]) -> Result<Handshake, String> {
        let line = line.trim_end_matches(['\r', '\n']);
        let parts: Vec<&str> = line.split('|').collect();
        if parts.len() < 6 {
            return Err(format!("expected `1|VERSION|NETWORK|ADDRESS|grpc|CERT`, got {line:?}"));
        }
        if parts[0] != CORE_PROTOCOL_VERSION {
            return Err(format!("unsupported go-plugin core protocol version {:?} (expected 1)", parts[0]));
        }
        let protocol_version: u32 =
            parts[1].parse().map_err(|_| format!("protocol version {:?} is not a number", parts[1]))?;
        if !offered.contains(&protocol_version) {
            return Err(format!(
                "the plugin speaks Terraform protocol {protocol_version}, but only {offered:?} were offered"
            ));
        }
        let addr = match parts[2] {
            "tcp" => PluginAddr::Tcp(parts[3].to_string()),
            "unix" => PluginAddr::Unix(parts[3].into()),
            other => return Err(format!("unsupported network {other:?} (expected tcp or unix)")),
        };
        if parts[4] != "grpc" {
            return Err(format!("the plugin speaks {:?}; only grpc plugins (Terraform 0.12+) are supported", parts[4]));
        }
        let server_cert = match parts[5] {
            "" => None,
            b64 => Some(CERT_BASE64.decode(b64).map_err(|e| format!("server certificate is not base64: {e}"))?),
        };
        Ok(Handshake { protocol_version, addr, server_cert })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tcp_unix_and_certs() {
        let h = Handshake::parse("1|6|tcp|127.0.0.1:10001|grpc|AAEC\n", &[6, 5]).unwrap();
        assert_eq!(h.protocol_version, 6);
        assert_eq!(h.addr, PluginAddr::Tcp("127.0.0.1:10001".into()));
        assert_eq!(h.server_cert, Some(vec![0, 1, 2]));
        let h = Handshake::parse("1|5|unix|/tmp/plugin1|grpc||true", &[6, 5]).unwrap();
        assert_eq!((h.protocol_version, h.addr, h.server_cert), (5, PluginAddr::Unix("/tmp/plugin1".into()), None));
        // Padded base64 is fine too.
        assert_eq!(Handshake::parse("1|6|tcp|a:1|grpc|AAE=", &[6]).unwrap().server_cert, Some(vec![0, 1]));
    }

    #[test]
    fn rejects_what_is_not_a_grpc_plugin_line() {
        for (line, needle) in [
            ("hello world", "expected `1|VERSION"),
            ("2|6|tcp|a:1|grpc|", "core protocol"),
            ("1|4|tcp|a:1|grpc|", "protocol 4"),
            ("1|6|tcp|a:1|netrpc|", "only grpc"),
            ("1|6|pipe|a|grpc|", "unsupported network"),
            ("1|x|tcp|a:1|grpc|", "not a number"),
            ("1|6|tcp|a:1|grpc|!!", "not base64"),
        ] {
            let e = Handshake::parse(line, &[6, 5]).unwrap_err();
            assert!(e.contains(needle), "{line}: {e}");
        }
    }
}
