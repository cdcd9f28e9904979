// Generated from Playbooks/*.yaml by `RECORD_GOLDEN=1 swift test`; do not edit by hand.

extension BuiltinPlaybookTexts {
    /// `Playbooks/kubeadm-dnf.yaml`.
    static let kubeadmDnf = #"""
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
}
