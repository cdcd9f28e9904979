import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `HostConnection.forHost`: Ansible's connection vars read with Ansible's rules, and k8sup's refusals.
@Suite struct HostConnectionTests {
    private func connection(
        _ vars: DataValue, host: String = "node1", bastion: HostConnection? = nil
    ) throws(TransportError) -> HostConnection {
        try HostConnection.forHost(host, vars: vars.mappingValue ?? DataMapping(), bastion: bastion)
    }

    private func error(_ vars: DataValue, host: String = "node1") -> TransportError? {
        do {
            _ = try connection(vars, host: host)
            return nil
        } catch {
            return error
        }
    }

    @Test func aHostWithoutVarsIsSSHToItsNameAsRoot() throws {
        let plain = try connection([:])
        #expect(plain == HostConnection(host: "node1", address: "node1", kind: .ssh, become: true))
        #expect(plain.port == nil && plain.user == nil && plain.identityFile == nil && plain.jump == nil)
        #expect(plain.sshExecutable == "ssh")
    }

    @Test func readsAddressPortUserKeyAndExecutable() throws {
        let read = try connection([
            "ansible_host": "10.0.0.5", "ansible_port": 2222, "ansible_user": "ubuntu",
            "ansible_ssh_private_key_file": "/home/op/.ssh/id_ed25519", "ansible_ssh_executable": "/opt/bin/ssh",
        ])
        #expect(read.address == "10.0.0.5")
        #expect(read.port == 2222)
        #expect(read.user == "ubuntu")
        #expect(read.identityFile == "/home/op/.ssh/id_ed25519")
        #expect(read.sshExecutable == "/opt/bin/ssh")
    }

    @Test func readsTheLegacySpellings() throws {
        let legacy = try connection([
            "ansible_ssh_host": "10.0.0.6", "ansible_ssh_port": "2200", "ansible_ssh_user": "root",
        ])
        #expect(legacy.address == "10.0.0.6")
        #expect(legacy.port == 2200)
        #expect(legacy.user == "root")
        // ansible-core resolves a plugin option's vars in order and the last one set wins: the legacy name.
        let both = try connection([
            "ansible_host": "new", "ansible_ssh_host": "old", "ansible_port": 1, "ansible_ssh_port": 2,
            "ansible_private_key_file": "/a", "ansible_ssh_private_key_file": "/b",
        ])
        #expect(both.address == "old" && both.port == 2 && both.identityFile == "/b")
    }

    @Test func nullCountsAsUnset() throws {
        let read = try connection(["ansible_host": nil, "ansible_user": nil, "ansible_port": nil])
        #expect(read.address == "node1" && read.user == nil && read.port == nil)
    }

    @Test func splitsCommonAndExtraArgsLikeAnsible() throws {
        let read = try connection([
            "ansible_ssh_common_args": #"-o ProxyCommand="ssh -W %h:%p -q jump" -o 'UserKnownHostsFile=/a b/#k'"#,
            "ansible_ssh_extra_args": "  -o  ServerAliveInterval=30 '' -C ",
        ])
        #expect(read.commonArgs == ["-o", "ProxyCommand=ssh -W %h:%p -q jump", "-o", "UserKnownHostsFile=/a b/#k"])
        #expect(read.extraArgs == ["-o", "ServerAliveInterval=30", "-C"])
    }

    @Test(arguments: [
        (DataValue.bool(true), true), (false, false), ("yes", true), ("No", false), ("True", true), ("off", false),
        ("1", true), (0, false), (1, true), (" on ", true), ("t", true), ("F", false),
    ])
    func becomeAcceptsAnsiblesBooleans(value: DataValue, expected: Bool) throws {
        #expect(try connection(["ansible_become": value]).become == expected)
    }

    @Test func becomeUserIsKeptAndRootNeedsNoSudoUser() throws {
        let postgres = try connection(["ansible_become_user": "postgres"])
        #expect(postgres.becomeUser == "postgres" && postgres.sudoUser == "postgres")
        let root = try connection(["ansible_become_user": "root", "ansible_become_method": "sudo"])
        #expect(root.becomeUser == "root" && root.sudoUser == nil)
    }

    @Test(arguments: ["local", "ansible.builtin.local"])
    func localConnectionIgnoresTheSSHVars(value: String) throws {
        let local = try connection([
            "ansible_connection": .string(value), "ansible_host": "10.0.0.5", "ansible_port": 0,
            "ansible_ssh_common_args": "'unclosed",
        ])
        #expect(local.kind == .local)
        #expect(local.address == "node1" && local.port == nil && local.commonArgs.isEmpty)
    }

    @Test(arguments: ["ssh", "smart", "ansible.builtin.ssh"])
    func sshSpellingsAreSSH(value: String) throws {
        #expect(try connection(["ansible_connection": .string(value)]).kind == .ssh)
    }

    @Test(arguments: [0, 65536, -22])
    func portsOutsideTheTCPRangeAreRefused(port: Int) {
        #expect(
            error(["ansible_port": .int(port)])
                == .invalidValue(
                    host: "node1", variable: "ansible_port",
                    reason: "must be a port number from 1 to 65535, got '\(port)'"
                ))
    }

    @Test func nonNumericPortIsRefused() {
        let refused = error(["ansible_ssh_port": "ssh"])
        #expect(
            refused?.description == "host 'node1': ansible_ssh_port must be a port number from 1 to 65535, got 'ssh'")
    }

    @Test(arguments: ["winrm", "docker", "paramiko", "community.docker.docker"])
    func otherConnectionPluginsAreRefused(plugin: String) {
        let refused = error(["ansible_connection": .string(plugin)], host: "win1")
        #expect(refused == .unsupportedConnection(host: "win1", value: plugin))
        #expect(refused?.description.contains("host 'win1': ansible_connection is '\(plugin)'") == true)
    }

    @Test(arguments: [
        "ansible_host", "ansible_user", "ansible_ssh_common_args", "ansible_become", "ansible_port",
        "ansible_ssh_private_key_file", "ansible_connection",
    ])
    func jinjaTemplatesAreRefusedNamingHostAndVar(variable: String) {
        var vars = DataMapping()
        vars[variable] = "{{ hostvars['bastion']['ansible_host'] }}"
        let refused = error(.mapping(vars), host: "cp-1")
        #expect(refused == .template(host: "cp-1", variable: variable))
        #expect(refused?.description.hasPrefix("host 'cp-1': \(variable) is a Jinja template") == true)
        #expect(refused?.description.contains("hostvars") == false)
    }

    @Test(arguments: ["ansible_password", "ansible_ssh_pass", "ansible_ssh_password"])
    func passwordsAreRefusedWithoutShowingThem(variable: String) {
        var vars = DataMapping()
        vars[variable] = "hunter2"
        let refused = error(.mapping(vars))
        #expect(refused == .passwordNotSupported(host: "node1", variable: variable))
        let message = refused?.description ?? ""
        #expect(message.contains("BatchMode=yes") && message.contains("key") && message.contains(variable))
        #expect(!message.contains("hunter2"))
    }

    @Test func anEmptyPasswordIsNoPassword() throws {
        #expect(try connection(["ansible_password": "", "ansible_ssh_pass": nil]).kind == .ssh)
    }

    @Test func becomePasswordsAndOtherMethodsAreRefusedOnlyWhenBecoming() throws {
        #expect(
            error(["ansible_become_password": "s3cret"])
                == .becomeNotSupported(
                    host: "node1", variable: "ansible_become_password",
                    reason: "is set, but k8sup runs sudo -n, which never asks for a password; allow the user "
                        + "passwordless sudo (NOPASSWD), or log in as root with ansible_become=false, and remove "
                        + "ansible_become_password"))
        #expect(error(["ansible_become_method": "su"])?.description.contains("is 'su'") == true)
        let rootLogin = try connection([
            "ansible_become": "no", "ansible_become_pass": "x", "ansible_become_method": "su",
        ])
        #expect(!rootLogin.become)
    }

    @Test(arguments: [
        ("ansible_host", "-oProxyCommand=touch /tmp/x", "must not start with '-' (ssh would read it as an option)"),
        ("ansible_user", "-oProxyCommand=x", "must not start with '-' (ssh would read it as an option)"),
        (
            "ansible_host", "x; touch /tmp/pwned",
            "must not contain spaces or control characters, got 'x; touch /tmp/pwned'"
        ),
        ("ansible_become_user", "a\nb", "must not contain spaces or control characters, got 'a\nb'"),
        ("ansible_host", "", "is empty"),
    ])
    func addressesAndUsersThatCouldBeOptionsOrWordsAreRefused(variable: String, value: String, reason: String) {
        var vars = DataMapping()
        vars[variable] = .string(value)
        #expect(error(.mapping(vars)) == .invalidValue(host: "node1", variable: variable, reason: reason))
    }

    @Test func badBooleansAndArgsAndCollectionsAreRefused() {
        #expect(
            error(["ansible_become": "maybe"])?.description
                == "host 'node1': ansible_become must be true or false (or yes/no, 1/0), got 'maybe'")
        #expect(
            error(["ansible_ssh_extra_args": "-o 'User=x"])?.description
                == "host 'node1': ansible_ssh_extra_args cannot be split into ssh arguments: "
                + "a quote at character 4 is never closed")
        #expect(
            error(["ansible_user": ["a", "b"]])?.description
                == "host 'node1': ansible_user must be a single value, got a list")
    }

    @Test func theBastionBecomesTheJumpOfOtherSSHHostsOnly() throws {
        let bastion = try connection(["ansible_host": "203.0.113.10", "ansible_user": "ops"], host: "bastion")
        #expect(try connection([:], bastion: bastion).jump == bastion)
        #expect(try connection([:], host: "bastion", bastion: bastion).jump == nil)
        #expect(try connection(["ansible_connection": "local"], bastion: bastion).jump == nil)
        let localBastion = try connection(["ansible_connection": "local"], host: "bastion")
        #expect(try connection([:], bastion: localBastion).jump == nil)
    }

    @Test(arguments: [
        "-o ProxyCommand='ssh -W %h:%p other'", "-oproxyjump=other", "-J other", "-qJother", "-o 'ProxyJump other'",
    ])
    func aHostThatRoutesItselfKeepsItsRoute(args: String) throws {
        let bastion = HostConnection(host: "bastion", address: "203.0.113.10")
        #expect(try connection(["ansible_ssh_common_args": .string(args)], bastion: bastion).jump == nil)
        #expect(try connection(["ansible_ssh_extra_args": .string(args)], bastion: bastion).jump == nil)
    }
}
