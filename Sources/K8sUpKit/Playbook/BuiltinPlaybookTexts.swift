// Generated from Playbooks/*.yaml by `RECORD_GOLDEN=1 swift test`; do not edit by hand.

/// The playbooks of `Playbooks/`, compiled in so that an installed k8sup works without the
/// repository. `BuiltinPlaybookTextsTests` fails when a text here differs from its file, and
/// `RECORD_GOLDEN=1 swift test` rewrites this file from the files.
enum BuiltinPlaybookTexts {
    /// Each playbook's name and exact YAML text, the default first.
    static let all: [(name: String, text: String)] = [
        ("kubeadm-apt", kubeadmApt),
        ("kubeadm-dnf", kubeadmDnf),
        ("kubespray", kubespray),
    ]

    private static let kubeadmApt = #"""
        # kubeadm-apt: nodes whose kubeadm, kubelet and kubectl come from the pkgs.k8s.io Debian/Ubuntu
        # repositories (the official kubeadm install). This is k8sup's default playbook.
        #
        # How k8sup runs it (Playbooks/README.md has the whole format):
        # - each command line runs on the node through ssh as root (k8sup adds `sudo -n`), one line at a
        #   time; the step stops at the first line that fails, and a rerun runs the step again from the top,
        #   so every line is safe to run twice (one after the other; `rerun: false` marks a line that must not
        #   run again while an earlier copy may still be running, after a dropped ssh connection);
        # - {{ name }} is replaced by the value shell-quoted: never put a placeholder inside quotes;
        # - built-in names: target (1.30.4), target_v (v1.30.4), target_minor (1.30), from and from_minor (the
        #   node's version before this hop), node, host, role, package_version (found by discover_versions);
        #   anything else is declared under vars, and inventory vars of the same name override the default.
        name: kubeadm-apt
        description: Debian/Ubuntu nodes with kubeadm, kubelet and kubectl from the pkgs.k8s.io apt repositories

        vars:
          # pkgs.k8s.io has one repository per minor release, below this base
          # (https://pkgs.k8s.io/core:/stable:/v1.30/deb/). Air-gapped sites point it at their mirror of the
          # same tree.
          apt_repository_base: "https://pkgs.k8s.io/core:/stable:"
          # The keyring named by signed-by= in the repository line. pkgs.k8s.io signs every minor with the
          # same key, so the keyring survives the switch of minor.
          apt_signed_by: /etc/apt/keyrings/kubernetes-apt-keyring.gpg
          # The repository file stage rewrites whole, with the target minor's repository line.
          apt_sources_file: /etc/apt/sources.list.d/kubernetes.list
          # Where backup_kubelet keeps the kubelet binary and configuration, one directory per version.
          k8sup_backup_dir: /var/lib/k8sup/backup
          # The node's files as the packages and kubeadm lay them out (a simulated node points them into its
          # sandbox): the kubelet binary, the directory of config.yaml and kubeadm-flags.env, and kubeadm's
          # directory of admin.conf and pki/.
          kubelet_binary: /usr/bin/kubelet
          kubelet_config_dir: /var/lib/kubelet
          kube_config_dir: /etc/kubernetes
          # kubeadm upgrade flags. Certificate renewal is kubeadm's default; the skipped phases (for example
          # addon/kube-proxy when the CNI replaces kube-proxy) need kubeadm v1.32 or newer on the control plane.
          kubeadm_upgrade_auto_cert_renewal: "true"
          kubeadm_upgrade_ignore_preflight_errors: ""
          kubeadm_upgrade_skip_phases: ""
          # etcd as kubeadm runs it (a static pod on each control-plane node), or `host` for etcd installed as
          # a systemd service the Kubespray way (etcdctl in /usr/local/bin, certificates in etcd_cert_dir).
          etcd_deployment_type: kubeadm
          # Where a host etcd's etcdctl is (Kubespray's bin_dir).
          bin_dir: /usr/local/bin
          etcd_data_dir: /var/lib/etcd
          etcd_cert_dir: /etc/ssl/etcd/ssl
          # Snapshots go to etcd-DATE_TIME/snapshot.db below this directory, as Kubespray's own etcd backups.
          etcd_backup_prefix: /var/backups

        # The paths the upgrade writes on a node. Pre-flight checks, before anything changes, that the
        # filesystem of each has k8sup_min_free_mb (default 2048) free: the package cache stage downloads into,
        # the kubelet binary's directory, the kubelet backups, the etcd snapshots and /var/lib (kubelet,
        # container images, etcd data).
        writes:
          - /var/cache/apt/archives
          - "{{ kubelet_binary }}"
          - "{{ k8sup_backup_dir }}"
          - "{{ etcd_backup_prefix }}"
          - /var/lib

        # Every node, in parallel, before anything changes: point apt at the target minor's repository and
        # download the packages, so a node spends no download time drained. The repository file is rewritten
        # whole, which also moves nodes off the frozen apt.kubernetes.io repository.
        stage:
          - >-
            test -s {{ apt_signed_by }} || { mkdir -p -m 0755 "$(dirname {{ apt_signed_by }})"
            && curl -fsSL {{ apt_repository_base }}/v{{ target_minor }}/deb/Release.key
            | gpg --dearmor --batch --yes -o {{ apt_signed_by }}; }
          - >-
            printf 'deb [signed-by=%s] %s/v%s/deb/ /\n' {{ apt_signed_by }} {{ apt_repository_base }} {{ target_minor }}
            > {{ apt_sources_file }}
          - apt-get update
          # A version glob, as the kubeadm documentation installs: it picks the newest package revision of
          # the target, which is the one discover_versions prints. The packages are still on hold here.
          - >-
            DEBIAN_FRONTEND=noninteractive apt-get install -y --download-only --allow-change-held-packages
            kubeadm={{ target }}-\* kubelet={{ target }}-\* kubectl={{ target }}-\*

        # Prints the exact package version for the target on its last line (e.g. 1.30.4-1.1): the first
        # `apt-cache madison kubeadm` line for it, madison listing the newest revision first. k8sup keeps it
        # as {{ package_version }}. Before stage (pre-flight) apt still points at the running minor's
        # repository, so the target minor's package index is read directly instead, changing nothing.
        discover_versions:
          - >-
            v=$(apt-cache madison kubeadm | awk -v want={{ target }} 'index($3, want "-") == 1 { print $3; exit }');
            test -n "$v" || v=$(curl -fsSL {{ apt_repository_base }}/v{{ target_minor }}/deb/Packages
            | awk -v want={{ target }} '$1 == "Package:" { p = $2 } $1 == "Version:" && p == "kubeadm" && index($2, want "-") == 1 { print $2 }'
            | sort -rV | head -n 1);
            test -n "$v" && echo "$v" || { echo no kubeadm {{ target }} package in the apt repositories >&2; exit 1; }

        # The first control-plane node, before its first change in the hop. kubectl exec runs etcdctl in the
        # local etcd static pod, which has the certificates; the snapshot lands in the pod's data directory
        # (a host path) and is then moved to the backup directory.
        etcd_snapshot:
          - run: >-
              s=k8sup-snapshot-$(date +%Y%m%d%H%M%S).db
              && kubectl --kubeconfig={{ kube_config_dir }}/admin.conf -n kube-system exec etcd-{{ node }} -- etcdctl
              --endpoints=https://127.0.0.1:2379 --cacert={{ kube_config_dir }}/pki/etcd/ca.crt
              --cert={{ kube_config_dir }}/pki/etcd/server.crt --key={{ kube_config_dir }}/pki/etcd/server.key
              snapshot save {{ etcd_data_dir }}/"$s"
              && d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && mv {{ etcd_data_dir }}/"$s" "$d"/snapshot.db && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type == kubeadm
          - run: >-
              d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && ETCDCTL_API=3 {{ bin_dir }}/etcdctl --endpoints=https://127.0.0.1:2379
              --cacert={{ etcd_cert_dir }}/ca.pem --cert={{ etcd_cert_dir }}/admin-{{ host }}.pem
              --key={{ etcd_cert_dir }}/admin-{{ host }}-key.pem snapshot save "$d"/snapshot.db
              && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type != kubeadm

        # Each node, before kubeadm touches anything: the kubelet binary and the two files kubeadm rewrites
        # (/var/lib/kubelet/config.yaml, kubeadm-flags.env), in a directory named after the running version.
        # A saved file is never overwritten (a rerun after a crash must not replace the old kubelet with a new
        # one), files appear atomically (copied under another name, then renamed), and the last line proves
        # the saved kubelet is the version the node runs.
        backup_kubelet:
          - mkdir -p -m 0700 {{ k8sup_backup_dir }}/kubelet-{{ from }}
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet
            || { cp -p {{ kubelet_binary }} "$b"/kubelet.partial && mv "$b"/kubelet.partial "$b"/kubelet; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/config.yaml
            || { cp -p {{ kubelet_config_dir }}/config.yaml "$b"/config.yaml.partial && mv "$b"/config.yaml.partial "$b"/config.yaml; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test ! -e {{ kubelet_config_dir }}/kubeadm-flags.env
            || test -e "$b"/kubeadm-flags.env || { cp -p {{ kubelet_config_dir }}/kubeadm-flags.env "$b"/kubeadm-flags.env.partial
            && mv "$b"/kubeadm-flags.env.partial "$b"/kubeadm-flags.env; }
          - test "$({{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet --version)" = "Kubernetes v"{{ from }}

        # Each node: kubeadm at the exact version, held again so unattended upgrades leave it alone.
        upgrade_kubeadm:
          - apt-mark unhold kubeadm
          - >-
            DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold
            kubeadm={{ package_version }}
          - apt-mark hold kubeadm
          - test "$(kubeadm version -o short)" = {{ target_v }}

        # kubeadm upgrade lines say rerun: false: when the ssh connection drops while kubeadm runs, kubeadm may
        # still be running on the node, and a second one next to it would race it over the static-pod
        # manifests, so k8sup reports the drop instead of running it again (a later apply runs it again).
        # The first control-plane node. kubeadm refuses a skipped minor and checks the cluster's health
        # itself; -y because nothing may prompt. --skip-phases exists on `kubeadm upgrade apply` only since
        # v1.32, when apply became a phased workflow.
        upgrade_control_plane_first:
          - run: >-
              kubeadm upgrade apply -y v{{ target }} --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
              --skip-phases={{ kubeadm_upgrade_skip_phases }}
            when: target >= 1.32
            rerun: false
          - run: >-
              kubeadm upgrade apply -y v{{ target }} --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
            when: [target < 1.32, kubeadm_upgrade_skip_phases == ""]
            rerun: false
          - run: echo "kubeadm_upgrade_skip_phases needs kubeadm v1.32 or newer" >&2; exit 1
            when: [target < 1.32, kubeadm_upgrade_skip_phases != ""]

        # The other control-plane nodes, one at a time. Since v1.28 the last one's `upgrade node` also
        # upgrades the addons (CoreDNS, kube-proxy), so it skips the same phases as the first node.
        upgrade_control_plane_other:
          - run: >-
              kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
              --skip-phases={{ kubeadm_upgrade_skip_phases }}
            when: target >= 1.32
            rerun: false
          - run: >-
              kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
            when: [target < 1.32, kubeadm_upgrade_skip_phases == ""]
            rerun: false
          - run: echo "kubeadm_upgrade_skip_phases needs kubeadm v1.32 or newer" >&2; exit 1
            when: [target < 1.32, kubeadm_upgrade_skip_phases != ""]

        # Workers: `kubeadm upgrade node` rewrites the node's kubelet configuration for the new minor.
        upgrade_worker:
          - run: kubeadm upgrade node
            rerun: false

        # Each node, drained: kubelet and kubectl at the exact version. If the kubelet binary on disk is not
        # the target although the package says it is (rollback_kubelet restored an old binary under the new
        # package), the package is reinstalled; the last line checks the result.
        upgrade_kubelet:
          - apt-mark unhold kubelet kubectl
          - >-
            DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold
            kubelet={{ package_version }} kubectl={{ package_version }}
          - >-
            test "$(kubelet --version)" = "Kubernetes v"{{ target }}
            || DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall -o Dpkg::Options::=--force-confold
            kubelet={{ package_version }}
          - apt-mark hold kubelet kubectl
          - test "$(kubelet --version)" = "Kubernetes v"{{ target }}

        # After upgrade_kubelet, and after rollback_kubelet.
        restart_kubelet:
          - systemctl daemon-reload
          - systemctl restart kubelet

        # A node whose upgrade failed after backup_kubelet: the saved kubelet binary and configuration go back
        # in place (k8sup then runs restart_kubelet and waits for the node at its old version). Packages are
        # not downgraded: pkgs.k8s.io keeps each minor in its own repository, so the old package is usually
        # out of reach, while the saved binary always works. The package database keeps the new version until
        # a rerun of the upgrade reinstalls it (see upgrade_kubelet). The binary is renamed into place, never
        # copied over, because the running kubelet's file cannot be written ("Text file busy").
        rollback_kubelet:
          - test -x {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet
          - >-
            install -m 0755 {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet {{ kubelet_binary }}.k8sup-rollback
            && mv -f {{ kubelet_binary }}.k8sup-rollback {{ kubelet_binary }}
          - cp -p {{ k8sup_backup_dir }}/kubelet-{{ from }}/config.yaml {{ kubelet_config_dir }}/config.yaml
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test ! -e "$b"/kubeadm-flags.env
            || cp -p "$b"/kubeadm-flags.env {{ kubelet_config_dir }}/kubeadm-flags.env

        # Pre-flight, read-only, before anything changes. Each control-plane node prints kubeadm's table of its
        # certificates; k8sup blocks on an expired one and warns about one expiring within 30 days.
        cert_expiration:
          - kubeadm certs check-expiration

        # Pre-flight, read-only, on the first control-plane node for each hop: the versions kubeadm would move
        # etcd, CoreDNS and kube-proxy to. Only kubeadm of the hop's version knows them, and pre-flight installs
        # nothing, so this reads them only when that kubeadm is already installed (exit 3 says it is not).
        # kubeadm upgrade plan runs its own health checks (a short-lived Job in kube-system) and changes nothing.
        component_versions:
          - >-
            v=$(kubeadm version -o short) && { test "$v" = {{ target_v }}
            || { echo "kubeadm $v is installed, not" {{ target_v }} >&2; exit 3; }; }
            && kubeadm upgrade plan {{ target_v }} -o json

        # Read-only. While k8sup waits for the node after restart_kubelet (and after a rollback's restart) it
        # runs this every few seconds, beside its kubectl looks, and reads the Key=Value lines. A unit that is
        # failed, or that systemd restarted 3 times since k8sup restarted it (kubeadm's unit has Restart=always
        # and RestartSec=10, so a kubelet that cannot start shows `activating (auto-restart)` with NRestarts
        # rising), starts the rollback at once instead of waiting out --node-ready-timeout.
        kubelet_status:
          - systemctl show kubelet -p ActiveState,SubState,NRestarts,ExecMainStatus

        # Read-only: the kubelet's last journal lines, which k8sup puts in the failure message and the node's log
        # when the kubelet does not start or the node is not Ready in time.
        kubelet_logs:
          - journalctl -u kubelet -n 20 --no-pager

        """#

    private static let kubeadmDnf = #"""
        # kubeadm-dnf: nodes whose kubeadm, kubelet and kubectl come from the pkgs.k8s.io rpm repositories
        # (RHEL, Rocky, Alma, Fedora with dnf): the same procedure as kubeadm-apt, with dnf.
        #
        # How k8sup runs it (Playbooks/README.md has the whole format):
        # - each command line runs on the node through ssh as root (k8sup adds `sudo -n`), one line at a
        #   time; the step stops at the first line that fails, and a rerun runs the step again from the top,
        #   so every line is safe to run twice (one after the other; `rerun: false` marks a line that must not
        #   run again while an earlier copy may still be running, after a dropped ssh connection);
        # - {{ name }} is replaced by the value shell-quoted: never put a placeholder inside quotes;
        # - built-in names: target (1.30.4), target_v (v1.30.4), target_minor (1.30), from and from_minor (the
        #   node's version before this hop), node, host, role, package_version (found by discover_versions);
        #   anything else is declared under vars, and inventory vars of the same name override the default.
        #
        # The repository excludes the Kubernetes packages (exclude=), as the kubeadm documentation sets it up,
        # so that `dnf upgrade` never moves them; k8sup installs them with --disableexcludes=kubernetes.
        name: kubeadm-dnf
        description: RHEL/Fedora nodes with kubeadm, kubelet and kubectl from the pkgs.k8s.io rpm repositories

        vars:
          # pkgs.k8s.io has one repository per minor release, below this base
          # (https://pkgs.k8s.io/core:/stable:/v1.30/rpm/). Air-gapped sites point it at their mirror of the
          # same tree.
          rpm_repository_base: "https://pkgs.k8s.io/core:/stable:"
          # The repository file stage rewrites whole, with the target minor's repository.
          dnf_repo_file: /etc/yum.repos.d/kubernetes.repo
          # Where backup_kubelet keeps the kubelet binary and configuration, one directory per version.
          k8sup_backup_dir: /var/lib/k8sup/backup
          # The node's files as the packages and kubeadm lay them out (a simulated node points them into its
          # sandbox): the kubelet binary, the directory of config.yaml and kubeadm-flags.env, and kubeadm's
          # directory of admin.conf and pki/.
          kubelet_binary: /usr/bin/kubelet
          kubelet_config_dir: /var/lib/kubelet
          kube_config_dir: /etc/kubernetes
          # kubeadm upgrade flags. Certificate renewal is kubeadm's default; the skipped phases (for example
          # addon/kube-proxy when the CNI replaces kube-proxy) need kubeadm v1.32 or newer on the control plane.
          kubeadm_upgrade_auto_cert_renewal: "true"
          kubeadm_upgrade_ignore_preflight_errors: ""
          kubeadm_upgrade_skip_phases: ""
          # etcd as kubeadm runs it (a static pod on each control-plane node), or `host` for etcd installed as
          # a systemd service the Kubespray way (etcdctl in /usr/local/bin, certificates in etcd_cert_dir).
          etcd_deployment_type: kubeadm
          # Where a host etcd's etcdctl is (Kubespray's bin_dir).
          bin_dir: /usr/local/bin
          etcd_data_dir: /var/lib/etcd
          etcd_cert_dir: /etc/ssl/etcd/ssl
          # Snapshots go to etcd-DATE_TIME/snapshot.db below this directory, as Kubespray's own etcd backups.
          etcd_backup_prefix: /var/backups

        # The paths the upgrade writes on a node. Pre-flight checks, before anything changes, that the
        # filesystem of each has k8sup_min_free_mb (default 2048) free: the package cache stage downloads into,
        # the kubelet binary's directory, the kubelet backups, the etcd snapshots and /var/lib (kubelet,
        # container images, etcd data).
        writes:
          - /var/cache/dnf
          - "{{ kubelet_binary }}"
          - "{{ k8sup_backup_dir }}"
          - "{{ etcd_backup_prefix }}"
          - /var/lib

        # Every node, in parallel, before anything changes: point dnf at the target minor's repository
        # (the file is rewritten whole, as the kubeadm documentation writes it), refresh its metadata and
        # download the packages, so a node spends no download time drained.
        stage:
          - >-
            printf '%s\n' '[kubernetes]' 'name=Kubernetes' baseurl={{ rpm_repository_base }}/v{{ target_minor }}/rpm/
            'enabled=1' 'gpgcheck=1' gpgkey={{ rpm_repository_base }}/v{{ target_minor }}/rpm/repodata/repomd.xml.key
            'exclude=kubelet kubeadm kubectl cri-tools kubernetes-cni' > {{ dnf_repo_file }}
          - dnf -y makecache --refresh --repo kubernetes
          - >-
            dnf -y install --downloadonly --disableexcludes=kubernetes
            kubeadm-{{ target }} kubelet-{{ target }} kubectl-{{ target }}

        # Prints the exact package version for the target on its last line (e.g. 1.30.4-150500.1.1): the
        # newest release of it that `dnf list --showduplicates` shows (dnf lists versions oldest first).
        # k8sup keeps it as {{ package_version }}. Before stage (pre-flight) dnf still knows the running
        # minor's repository only, so the target minor's repository is then read for this command alone
        # (--repofrompath), changing no repository file.
        discover_versions:
          - >-
            v=$(dnf -q list --showduplicates --disableexcludes=kubernetes kubeadm 2>/dev/null
            | awk -v want={{ target }} 'index($2, want "-") == 1 { found = $2 } END { print found }');
            test -n "$v" || v=$(dnf -q list --showduplicates
            --repofrompath=k8sup-preflight,{{ rpm_repository_base }}/v{{ target_minor }}/rpm/ --repo=k8sup-preflight kubeadm
            | awk -v want={{ target }} 'index($2, want "-") == 1 { found = $2 } END { print found }');
            test -n "$v" && echo "$v" || { echo no kubeadm {{ target }} package in the dnf repositories >&2; exit 1; }

        # The first control-plane node, before its first change in the hop. kubectl exec runs etcdctl in the
        # local etcd static pod, which has the certificates; the snapshot lands in the pod's data directory
        # (a host path) and is then moved to the backup directory.
        etcd_snapshot:
          - run: >-
              s=k8sup-snapshot-$(date +%Y%m%d%H%M%S).db
              && kubectl --kubeconfig={{ kube_config_dir }}/admin.conf -n kube-system exec etcd-{{ node }} -- etcdctl
              --endpoints=https://127.0.0.1:2379 --cacert={{ kube_config_dir }}/pki/etcd/ca.crt
              --cert={{ kube_config_dir }}/pki/etcd/server.crt --key={{ kube_config_dir }}/pki/etcd/server.key
              snapshot save {{ etcd_data_dir }}/"$s"
              && d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && mv {{ etcd_data_dir }}/"$s" "$d"/snapshot.db && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type == kubeadm
          - run: >-
              d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && ETCDCTL_API=3 {{ bin_dir }}/etcdctl --endpoints=https://127.0.0.1:2379
              --cacert={{ etcd_cert_dir }}/ca.pem --cert={{ etcd_cert_dir }}/admin-{{ host }}.pem
              --key={{ etcd_cert_dir }}/admin-{{ host }}-key.pem snapshot save "$d"/snapshot.db
              && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type != kubeadm

        # Each node, before kubeadm touches anything: the kubelet binary and the two files kubeadm rewrites
        # (/var/lib/kubelet/config.yaml, kubeadm-flags.env), in a directory named after the running version.
        # A saved file is never overwritten (a rerun after a crash must not replace the old kubelet with a new
        # one), files appear atomically (copied under another name, then renamed), and the last line proves
        # the saved kubelet is the version the node runs.
        backup_kubelet:
          - mkdir -p -m 0700 {{ k8sup_backup_dir }}/kubelet-{{ from }}
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet
            || { cp -p {{ kubelet_binary }} "$b"/kubelet.partial && mv "$b"/kubelet.partial "$b"/kubelet; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/config.yaml
            || { cp -p {{ kubelet_config_dir }}/config.yaml "$b"/config.yaml.partial && mv "$b"/config.yaml.partial "$b"/config.yaml; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test ! -e {{ kubelet_config_dir }}/kubeadm-flags.env
            || test -e "$b"/kubeadm-flags.env || { cp -p {{ kubelet_config_dir }}/kubeadm-flags.env "$b"/kubeadm-flags.env.partial
            && mv "$b"/kubeadm-flags.env.partial "$b"/kubeadm-flags.env; }
          - test "$({{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet --version)" = "Kubernetes v"{{ from }}

        # Each node: kubeadm at the exact version (the repository's exclude= keeps it there).
        upgrade_kubeadm:
          - dnf -y install --disableexcludes=kubernetes kubeadm-{{ package_version }}
          - test "$(kubeadm version -o short)" = {{ target_v }}

        # kubeadm upgrade lines say rerun: false: when the ssh connection drops while kubeadm runs, kubeadm may
        # still be running on the node, and a second one next to it would race it over the static-pod
        # manifests, so k8sup reports the drop instead of running it again (a later apply runs it again).
        # The first control-plane node. kubeadm refuses a skipped minor and checks the cluster's health
        # itself; -y because nothing may prompt. --skip-phases exists on `kubeadm upgrade apply` only since
        # v1.32, when apply became a phased workflow.
        upgrade_control_plane_first:
          - run: >-
              kubeadm upgrade apply -y v{{ target }} --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
              --skip-phases={{ kubeadm_upgrade_skip_phases }}
            when: target >= 1.32
            rerun: false
          - run: >-
              kubeadm upgrade apply -y v{{ target }} --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
            when: [target < 1.32, kubeadm_upgrade_skip_phases == ""]
            rerun: false
          - run: echo "kubeadm_upgrade_skip_phases needs kubeadm v1.32 or newer" >&2; exit 1
            when: [target < 1.32, kubeadm_upgrade_skip_phases != ""]

        # The other control-plane nodes, one at a time. Since v1.28 the last one's `upgrade node` also
        # upgrades the addons (CoreDNS, kube-proxy), so it skips the same phases as the first node.
        upgrade_control_plane_other:
          - run: >-
              kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
              --skip-phases={{ kubeadm_upgrade_skip_phases }}
            when: target >= 1.32
            rerun: false
          - run: >-
              kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --ignore-preflight-errors={{ kubeadm_upgrade_ignore_preflight_errors }}
            when: [target < 1.32, kubeadm_upgrade_skip_phases == ""]
            rerun: false
          - run: echo "kubeadm_upgrade_skip_phases needs kubeadm v1.32 or newer" >&2; exit 1
            when: [target < 1.32, kubeadm_upgrade_skip_phases != ""]

        # Workers: `kubeadm upgrade node` rewrites the node's kubelet configuration for the new minor.
        upgrade_worker:
          - run: kubeadm upgrade node
            rerun: false

        # Each node, drained: kubelet and kubectl at the exact version. If the kubelet binary on disk is not
        # the target although rpm says it is (rollback_kubelet restored an old binary under the new package),
        # the package is reinstalled; the last line checks the result.
        upgrade_kubelet:
          - dnf -y install --disableexcludes=kubernetes kubelet-{{ package_version }} kubectl-{{ package_version }}
          - >-
            test "$(kubelet --version)" = "Kubernetes v"{{ target }}
            || dnf -y reinstall --disableexcludes=kubernetes kubelet-{{ package_version }}
          - test "$(kubelet --version)" = "Kubernetes v"{{ target }}

        # After upgrade_kubelet, and after rollback_kubelet.
        restart_kubelet:
          - systemctl daemon-reload
          - systemctl restart kubelet

        # A node whose upgrade failed after backup_kubelet: the saved kubelet binary and configuration go back
        # in place (k8sup then runs restart_kubelet and waits for the node at its old version). Packages are
        # not downgraded: pkgs.k8s.io keeps each minor in its own repository, so the old package is usually
        # out of reach, while the saved binary always works. The rpm database keeps the new version until a
        # rerun of the upgrade reinstalls it (see upgrade_kubelet). The binary is renamed into place, never
        # copied over, because the running kubelet's file cannot be written ("Text file busy").
        rollback_kubelet:
          - test -x {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet
          - >-
            install -m 0755 {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet {{ kubelet_binary }}.k8sup-rollback
            && mv -f {{ kubelet_binary }}.k8sup-rollback {{ kubelet_binary }}
          - cp -p {{ k8sup_backup_dir }}/kubelet-{{ from }}/config.yaml {{ kubelet_config_dir }}/config.yaml
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test ! -e "$b"/kubeadm-flags.env
            || cp -p "$b"/kubeadm-flags.env {{ kubelet_config_dir }}/kubeadm-flags.env

        # Pre-flight, read-only, before anything changes. Each control-plane node prints kubeadm's table of its
        # certificates; k8sup blocks on an expired one and warns about one expiring within 30 days.
        cert_expiration:
          - kubeadm certs check-expiration

        # Pre-flight, read-only, on the first control-plane node for each hop: the versions kubeadm would move
        # etcd, CoreDNS and kube-proxy to. Only kubeadm of the hop's version knows them, and pre-flight installs
        # nothing, so this reads them only when that kubeadm is already installed (exit 3 says it is not).
        # kubeadm upgrade plan runs its own health checks (a short-lived Job in kube-system) and changes nothing.
        component_versions:
          - >-
            v=$(kubeadm version -o short) && { test "$v" = {{ target_v }}
            || { echo "kubeadm $v is installed, not" {{ target_v }} >&2; exit 3; }; }
            && kubeadm upgrade plan {{ target_v }} -o json

        # Read-only. While k8sup waits for the node after restart_kubelet (and after a rollback's restart) it
        # runs this every few seconds, beside its kubectl looks, and reads the Key=Value lines. A unit that is
        # failed, or that systemd restarted 3 times since k8sup restarted it (kubeadm's unit has Restart=always
        # and RestartSec=10, so a kubelet that cannot start shows `activating (auto-restart)` with NRestarts
        # rising), starts the rollback at once instead of waiting out --node-ready-timeout.
        kubelet_status:
          - systemctl show kubelet -p ActiveState,SubState,NRestarts,ExecMainStatus

        # Read-only: the kubelet's last journal lines, which k8sup puts in the failure message and the node's log
        # when the kubelet does not start or the node is not Ready in time.
        kubelet_logs:
          - journalctl -u kubelet -n 20 --no-pager

        """#

    private static let kubespray = #"""
        # kubespray: nodes installed by Kubespray, which does not use packages: kubeadm, kubelet and kubectl
        # are binaries in bin_dir (/usr/local/bin) downloaded per version from dl.k8s.io or a mirror, the
        # kubelet runs from a Kubespray unit with /etc/kubernetes/kubelet.env and kubelet-config.yaml, and etcd
        # is by default a systemd service on the etcd hosts (etcd_deployment_type: host).
        #
        # How k8sup runs it (Playbooks/README.md has the whole format):
        # - each command line runs on the node through ssh as root (k8sup adds `sudo -n`), one line at a
        #   time; the step stops at the first line that fails, and a rerun runs the step again from the top,
        #   so every line is safe to run twice (one after the other; `rerun: false` marks a line that must not
        #   run again while an earlier copy may still be running, after a dropped ssh connection);
        # - {{ name }} is replaced by the value shell-quoted: never put a placeholder inside quotes;
        # - built-in names: target (1.30.4), target_v (v1.30.4), target_minor (1.30), from and from_minor (the
        #   node's version before this hop), node, host, role, package_version (found by discover_versions);
        #   anything else is declared under vars, and inventory vars of the same name override the default.
        #
        # The vars carry Kubespray's names and defaults, so a Kubespray inventory's group_vars apply as they
        # are. k8sup does not evaluate Jinja: a var whose inventory value is a template is an error that names
        # it; set the literal value instead.
        name: kubespray
        description: Kubespray nodes with kubeadm, kubelet and kubectl binaries in /usr/local/bin

        vars:
          bin_dir: /usr/local/bin
          kube_config_dir: /etc/kubernetes
          # The kubeadm configuration Kubespray writes on control-plane nodes; since Kubespray v2.28 it holds
          # the UpgradeConfiguration that `kubeadm upgrade` reads (etcdUpgrade, certificateRenewal, skipPhases).
          kubeadm_config_file: /etc/kubernetes/kubeadm-config.yaml
          kubeadm_upgrade_auto_cert_renewal: "true"
          # Binaries come from dl_k8s_io_url/release/vVERSION/bin/linux/ARCH/, or, when files_repo is set (an
          # air-gapped site), from files_repo/dl.k8s.io/release/... as in Kubespray's offline.yml. Either
          # place must also serve the .sha256 file published next to each binary.
          dl_k8s_io_url: https://dl.k8s.io
          files_repo: ""
          # amd64 or arm64; Kubespray derives it from the host's architecture, k8sup needs it set for arm64
          # nodes (a binary of the wrong architecture fails the version check in stage).
          image_arch: amd64
          # Where downloads are staged, with Kubespray's file names (kubelet-1.30.4-amd64).
          local_release_dir: /tmp/releases
          # Where backup_kubelet keeps the kubelet binary and configuration, one directory per version.
          k8sup_backup_dir: /var/lib/k8sup/backup
          # host: etcd is a systemd service with its certificates in etcd_cert_dir (Kubespray's default);
          # kubeadm: etcd is a static pod that kubeadm upgrades.
          etcd_deployment_type: host
          etcd_cert_dir: /etc/ssl/etcd/ssl
          etcd_data_dir: /var/lib/etcd
          kube_cert_dir: /etc/kubernetes/ssl
          # Snapshots go to etcd-DATE_TIME/snapshot.db below this directory, as Kubespray's own etcd backups.
          etcd_backup_prefix: /var/backups

        # The paths the upgrade writes on a node. Pre-flight checks, before anything changes, that the
        # filesystem of each has k8sup_min_free_mb (default 2048) free: where stage downloads the binaries,
        # bin_dir, the kubelet backups, the etcd snapshots and /var/lib (kubelet, container images, etcd data).
        writes:
          - "{{ local_release_dir }}"
          - "{{ bin_dir }}"
          - "{{ k8sup_backup_dir }}"
          - "{{ etcd_backup_prefix }}"
          - /var/lib

        # Every node, in parallel, before anything changes: download the three binaries of the target,
        # verify each against its published sha256, and move it to its staged name only then, so a staged
        # file is always complete and a rerun skips what is already there. The last two lines run the staged
        # binaries, which proves they are the target version and this node's architecture.
        stage:
          - mkdir -p {{ local_release_dir }}
          - run: >-
              for b in kubeadm kubelet kubectl; do f={{ local_release_dir }}/$b-{{ target }}-{{ image_arch }};
              u={{ dl_k8s_io_url }}/release/v{{ target }}/bin/linux/{{ image_arch }}/$b; test -e "$f" && continue;
              curl -fsSL --retry 3 -o "$f.partial" "$u" && curl -fsSL --retry 3 -o "$f.sha256" "$u.sha256"
              && echo "$(cat "$f.sha256")  $f.partial" | sha256sum -c --quiet - && chmod 0755 "$f.partial"
              && mv "$f.partial" "$f" || exit 1; done
            when: files_repo == ""
          - run: >-
              for b in kubeadm kubelet kubectl; do f={{ local_release_dir }}/$b-{{ target }}-{{ image_arch }};
              u={{ files_repo }}/dl.k8s.io/release/v{{ target }}/bin/linux/{{ image_arch }}/$b; test -e "$f" && continue;
              curl -fsSL --retry 3 -o "$f.partial" "$u" && curl -fsSL --retry 3 -o "$f.sha256" "$u.sha256"
              && echo "$(cat "$f.sha256")  $f.partial" | sha256sum -c --quiet - && chmod 0755 "$f.partial"
              && mv "$f.partial" "$f" || exit 1; done
            when: files_repo != ""
          - test "$({{ local_release_dir }}/kubeadm-{{ target }}-{{ image_arch }} version -o short)" = {{ target_v }}
          - test "$({{ local_release_dir }}/kubelet-{{ target }}-{{ image_arch }} --version)" = "Kubernetes v"{{ target }}

        # Kubespray installs one binary per version, so the version to install is the target itself.
        discover_versions:
          - echo {{ target }}

        # The first control-plane node, before its first change in the hop, with etcdctl and the admin
        # certificate of this etcd member, as Kubespray's own etcd backup does (this assumes etcd runs on the
        # control-plane nodes, Kubespray's default).
        etcd_snapshot:
          - run: >-
              d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && ETCDCTL_API=3 {{ bin_dir }}/etcdctl --endpoints=https://127.0.0.1:2379
              --cacert={{ etcd_cert_dir }}/ca.pem --cert={{ etcd_cert_dir }}/admin-{{ host }}.pem
              --key={{ etcd_cert_dir }}/admin-{{ host }}-key.pem snapshot save "$d"/snapshot.db
              && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type != kubeadm
          - run: >-
              s=k8sup-snapshot-$(date +%Y%m%d%H%M%S).db
              && {{ bin_dir }}/kubectl --kubeconfig={{ kube_config_dir }}/admin.conf -n kube-system exec etcd-{{ node }}
              -- etcdctl --endpoints=https://127.0.0.1:2379 --cacert={{ kube_cert_dir }}/etcd/ca.crt
              --cert={{ kube_cert_dir }}/etcd/server.crt --key={{ kube_cert_dir }}/etcd/server.key
              snapshot save {{ etcd_data_dir }}/"$s"
              && d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && mv {{ etcd_data_dir }}/"$s" "$d"/snapshot.db && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type == kubeadm

        # Each node, before kubeadm touches anything: the kubelet binary and the two files Kubespray templates
        # for it, in a directory named after the running version (Kubespray itself keeps no copy of the old
        # kubelet). A saved file is never overwritten (a rerun after a crash must not replace the old kubelet
        # with a new one), files appear atomically, and the last line proves the saved kubelet is the version
        # the node runs.
        backup_kubelet:
          - mkdir -p -m 0700 {{ k8sup_backup_dir }}/kubelet-{{ from }}
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet
            || { cp -p {{ bin_dir }}/kubelet "$b"/kubelet.partial && mv "$b"/kubelet.partial "$b"/kubelet; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet.env
            || { cp -p {{ kube_config_dir }}/kubelet.env "$b"/kubelet.env.partial
            && mv "$b"/kubelet.env.partial "$b"/kubelet.env; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet-config.yaml
            || { cp -p {{ kube_config_dir }}/kubelet-config.yaml "$b"/kubelet-config.yaml.partial
            && mv "$b"/kubelet-config.yaml.partial "$b"/kubelet-config.yaml; }
          - test "$({{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet --version)" = "Kubernetes v"{{ from }}

        # Each node: the staged kubeadm, renamed into place (atomic, and never "Text file busy").
        upgrade_kubeadm:
          - >-
            install -m 0755 {{ local_release_dir }}/kubeadm-{{ target }}-{{ image_arch }} {{ bin_dir }}/kubeadm.k8sup-new
            && mv -f {{ bin_dir }}/kubeadm.k8sup-new {{ bin_dir }}/kubeadm
          - test "$({{ bin_dir }}/kubeadm version -o short)" = {{ target_v }}

        # kubeadm upgrade lines say rerun: false: when the ssh connection drops while kubeadm runs, kubeadm may
        # still be running on the node, and a second one next to it would race it over the static-pod
        # manifests, so k8sup reports the drop instead of running it again (a later apply runs it again).
        # The first control-plane node, as Kubespray's kubeadm-upgrade.yml has done it over the years:
        # - kubeadm v1.31 and newer read their upgrade options from the UpgradeConfiguration in
        #   kubeadm_config_file (Kubespray v2.28+ writes etcdUpgrade: false there for host etcd), and refuse
        #   other flags next to --config;
        # - kubeadm v1.30 refuses every flag next to --config, -y included ("can not mix '--config' with
        #   arguments", Kubespray issue #11350), so the upgrade runs with flags and without --config, as
        #   Kubespray v2.26-v2.27 ran it;
        # - older kubeadm takes both, as Kubespray up to v2.25 ran it: --etcd-upgrade=false unless kubeadm
        #   runs etcd.
        upgrade_control_plane_first:
          - run: "{{ bin_dir }}/kubeadm upgrade apply -y v{{ target }} --config={{ kubeadm_config_file }}"
            when: target >= 1.31
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=false
            when: [target == 1.30, etcd_deployment_type != kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=true
            when: [target == 1.30, etcd_deployment_type == kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }} --config={{ kubeadm_config_file }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=false
            when: [target < 1.30, etcd_deployment_type != kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }} --config={{ kubeadm_config_file }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=true
            when: [target < 1.30, etcd_deployment_type == kubeadm]
            rerun: false

        # The other control-plane nodes, one at a time, with `kubeadm upgrade node` as Kubespray does since
        # v2.28 (earlier Kubespray ran `upgrade apply` on every control-plane node, which made kubeadm's
        # upgrade-health-check Job fail now and then, Kubespray issues #12006 and #12009).
        upgrade_control_plane_other:
          - run: "{{ bin_dir }}/kubeadm upgrade node --config={{ kubeadm_config_file }}"
            when: target >= 1.31
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --etcd-upgrade=false
            when: [target < 1.31, etcd_deployment_type != kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --etcd-upgrade=true
            when: [target < 1.31, etcd_deployment_type == kubeadm]
            rerun: false

        # Workers: kubeadm's own procedure (Kubespray skips it on workers). It rewrites
        # /var/lib/kubelet/config.yaml from the cluster's kubelet-config; Kubespray's kubelet reads
        # kubelet-config.yaml instead, so this changes nothing it runs with.
        upgrade_worker:
          - run: "{{ bin_dir }}/kubeadm upgrade node"
            rerun: false

        # Each node, drained: the staged kubelet (and kubectl where the node has one: Kubespray installs it on
        # control-plane nodes), renamed into place. Kubespray's kubelet.env and kubelet-config.yaml stay as
        # they are: Kubespray re-templates them on its next run.
        upgrade_kubelet:
          - >-
            install -m 0755 {{ local_release_dir }}/kubelet-{{ target }}-{{ image_arch }} {{ bin_dir }}/kubelet.k8sup-new
            && mv -f {{ bin_dir }}/kubelet.k8sup-new {{ bin_dir }}/kubelet
          - >-
            test ! -e {{ bin_dir }}/kubectl || { install -m 0755 {{ local_release_dir }}/kubectl-{{ target }}-{{ image_arch }}
            {{ bin_dir }}/kubectl.k8sup-new && mv -f {{ bin_dir }}/kubectl.k8sup-new {{ bin_dir }}/kubectl; }
          - test "$({{ bin_dir }}/kubelet --version)" = "Kubernetes v"{{ target }}

        # After upgrade_kubelet, and after rollback_kubelet; the same as Kubespray's "restart kubelet" handler.
        restart_kubelet:
          - systemctl daemon-reload
          - systemctl restart kubelet

        # A node whose upgrade failed after backup_kubelet: the saved kubelet binary and its configuration go
        # back in place (k8sup then runs restart_kubelet and waits for the node at its old version). The
        # binary is renamed into place, never copied over, because the running kubelet's file cannot be
        # written ("Text file busy").
        rollback_kubelet:
          - test -x {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet
          - >-
            install -m 0755 {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet {{ bin_dir }}/kubelet.k8sup-rollback
            && mv -f {{ bin_dir }}/kubelet.k8sup-rollback {{ bin_dir }}/kubelet
          - cp -p {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet.env {{ kube_config_dir }}/kubelet.env
          - cp -p {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet-config.yaml {{ kube_config_dir }}/kubelet-config.yaml

        # Pre-flight, read-only, before anything changes. Each control-plane node prints kubeadm's table of its
        # certificates; k8sup blocks on an expired one and warns about one expiring within 30 days.
        cert_expiration:
          - "{{ bin_dir }}/kubeadm certs check-expiration"

        # Pre-flight, read-only, on the first control-plane node for each hop: the versions kubeadm would move
        # etcd, CoreDNS and kube-proxy to. Only kubeadm of the hop's version knows them, and pre-flight installs
        # nothing: this uses a kubeadm of that version already staged (by an earlier run) or installed, and
        # exits 3 when there is none. kubeadm upgrade plan runs its own health checks (a short-lived Job in
        # kube-system) and changes nothing.
        component_versions:
          - >-
            k={{ local_release_dir }}/kubeadm-{{ target }}-{{ image_arch }}; test -x "$k" || k={{ bin_dir }}/kubeadm;
            v=$("$k" version -o short) && { test "$v" = {{ target_v }}
            || { echo "kubeadm $v is installed, not" {{ target_v }} >&2; exit 3; }; }
            && "$k" upgrade plan {{ target_v }} -o json

        # Read-only. While k8sup waits for the node after restart_kubelet (and after a rollback's restart) it
        # runs this every few seconds, beside its kubectl looks, and reads the Key=Value lines. Kubespray's unit
        # is kubelet.service too (/etc/systemd/system/kubelet.service, Restart=always, RestartSec=10s), so a
        # kubelet that cannot start shows `activating (auto-restart)` with NRestarts rising. A unit that is
        # failed, or that systemd restarted 3 times since k8sup restarted it, starts the rollback at once
        # instead of waiting out --node-ready-timeout.
        kubelet_status:
          - systemctl show kubelet -p ActiveState,SubState,NRestarts,ExecMainStatus

        # Read-only: the kubelet's last journal lines, which k8sup puts in the failure message and the node's log
        # when the kubelet does not start or the node is not Ready in time.
        kubelet_logs:
          - journalctl -u kubelet -n 20 --no-pager

        """#
}
