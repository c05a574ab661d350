#!/usr/bin/env perl
# A fake yt-dlp for the MediaNest suite: the gateway spawns it as YT_DLP_PATH. It speaks yt-dlp's
# command line and output (UPSTREAMS.md section 5), never touches the network, and behaves as the
# video id says (README.md beside this file has the table).
#
# Perl, not Node: the suite starts it about 150 times a run, and Perl starts in a few milliseconds
# where Node took about 50 ms of CPU. It uses only what every Perl with git has (Time::HiRes).
#
# Signals: SIGTERM -> journal line, nothing printed, exit 143 after ~20 ms (ignoresTerm: journaled
# with "ignored": true, then nothing). SIGINT -> "ERROR: Interrupted by user" on stderr, exit 1.
#
# Environment: FAKE_YTDLP_STEP_MS (pause between output lines, default 10); FAKE_YTDLP_UNKNOWN_OPTIONS
# (long options it refuses with its usage error, as an older yt-dlp would); FAKE_YTDLP_JOURNAL (a
# file that gets one JSON line per event: start, signal, output, exit).
use strict;
use warnings;
use Time::HiRes ();

my $VERSION = '2025.10.22';
my $USAGE = "Usage: yt-dlp [OPTIONS] URL [URL...]\n";
my $STEP_MS = step_ms($ENV{FAKE_YTDLP_STEP_MS});
my $MiB = 1024 * 1024;

binmode STDOUT;
binmode STDERR;
$| = 1; # every line reaches the gateway as it is printed (STDERR is unbuffered already)
$SIG{PIPE} = 'IGNORE'; # a reader that went away is not an error here

my @NORMAL = (0, 8.1, 27.4, 51.0, 76.3, 100);
my %VIDEOS = (
  normalVideo => { title => 'Big Buck Bunny - Short Film', uploader => 'Blender Studio', duration => 596, size => 12.34 * $MiB, speed => 1.5 * $MiB, percents => \@NORMAL },
  slowVideo01 => { title => 'Four Hours of Rain on a Tin Roof', uploader => 'Quiet Places', duration => 14_400, size => 1.21 * 1024 * $MiB, speed => 8.5 * $MiB, percents => ramp(30), pace => 5 },
  failsMidway => { title => 'Concert Live Stream Recording', uploader => 'Live Hall', duration => 5_412, size => 45.67 * $MiB, speed => 2.1 * $MiB, percents => [0, 12.3, 33.9, 47.2], fails => 'unable to download video data: HTTP Error 403: Forbidden' },
  unavailable => { unavailable => 1 },
  noMetadata1 => { title => 'Nothing to Say', uploader => 'Mute Channel', duration => 60, size => 2 * $MiB, speed => 1 * $MiB, percents => \@NORMAL, silent => 1 },
  stallsVideo => { title => 'Stuck at the Start', uploader => 'Slow Networks', duration => 300, size => 20 * $MiB, speed => 0.8 * $MiB, percents => [0, 3.1], stalls => 1 },
  splitAVideo => { title => 'Nature in 1080p: Mountains and Rivers', uploader => 'Wild Frames', duration => 1_207, size => 86.21 * $MiB, speed => 4.2 * $MiB, percents => \@NORMAL, audio => { size => 3.52 * $MiB, percents => [0, 35.5, 71.0, 100] } },
  ignoresTerm => { title => 'A Process That Will Not Quit', uploader => 'Stubborn Ltd', duration => 420, size => 20 * $MiB, speed => 0.8 * $MiB, percents => [0, 1.7], stalls => 1, ignoresTerm => 1 },
  killedByOOM => { title => 'Too Big for This Machine', uploader => 'Heavy Loads', duration => 7_200, size => 2.5 * 1024 * $MiB, speed => 9.1 * $MiB, percents => [0, 20.5], killed => 1 },
  quitsSilent => { title => 'A Quiet Exit', uploader => 'Unknown Causes', duration => 240, size => 15 * $MiB, speed => 1.1 * $MiB, percents => [0, 20.5], quits => 3 },
  noFileLeft1 => { title => 'Gone Before You Look', uploader => 'Vanishing Acts', duration => 180, size => 6 * $MiB, speed => 1.5 * $MiB, percents => \@NORMAL, vanishes => 1 },
  namesNoFile => { title => 'A File With No Name', uploader => 'Vanishing Acts', duration => 180, size => 6 * $MiB, speed => 1.5 * $MiB, percents => \@NORMAL, nameless => 1 },
);
for my $id (keys %VIDEOS) { die "bad fixture id $id\n" unless $id =~ /^[A-Za-z0-9_-]{11}\z/ }

sub video {
  my ($id) = @_;
  return $VIDEOS{$id} // { title => "Fake video $id", uploader => 'MediaNest Fixtures', duration => 212, size => 8 * $MiB, speed => 1.2 * $MiB, percents => \@NORMAL };
}

# ---------------------------------------------------------------- JSON, as JSON.stringify writes it

# Values: a plain scalar is a string, a scalar reference a literal (number, true), an array
# reference an array, and obj(key => value, ...) an object that keeps its keys' order.
sub obj { return bless [@_], 'Obj' }
my %ESCAPES = ("\"" => '\\"', "\\" => '\\\\', "\n" => '\\n', "\r" => '\\r', "\t" => '\\t', "\b" => '\\b', "\f" => '\\f');

sub json {
  my ($value) = @_;
  if (ref $value eq 'SCALAR') { return ${$value} }
  if (ref $value eq 'ARRAY') { return '[' . join(',', map { json($_) } @{$value}) . ']' }
  if (ref $value eq 'Obj') {
    my @pairs = @{$value};
    my @members;
    while (my ($key, $item) = splice @pairs, 0, 2) { push @members, json($key) . ':' . json($item) }
    return '{' . join(',', @members) . '}';
  }
  (my $text = $value) =~ s/(["\\\n\r\t\b\f])/$ESCAPES{$1}/g;
  $text =~ s/([\x00-\x1f])/sprintf('\\u%04x', ord $1)/ge;
  return "\"$text\"";
}

# ---------------------------------------------------------------- journal and exit

my $journal_path = $ENV{FAKE_YTDLP_JOURNAL};
my $journal_folder_made = 0;

sub now_ms { return int(Time::HiRes::time() * 1000) }

sub journal {
  my (@event) = @_;
  return unless defined $journal_path && length $journal_path;
  my $line = json(obj(pid => \$$, at => \now_ms(), @event)) . "\n";
  my $ok = eval {
    make_path(dirname($journal_path)) unless $journal_folder_made++;
    open(my $out, '>>', $journal_path) or die "$!\n";
    binmode $out;
    print {$out} $line;
    close $out or die "$!\n";
    1;
  };
  print STDERR "fake-yt-dlp: cannot write the journal $journal_path: $@" unless $ok;
}

my ($stopping, $exited, $ignores_term) = (0, 0, 0);

sub finish {
  my ($code) = @_;
  unless ($exited) {
    $exited = 1;
    journal(event => 'exit', code => \$code);
  }
  exit $code;
}

$SIG{TERM} = sub {
  journal(event => 'signal', signal => 'SIGTERM', ($ignores_term ? (ignored => \'true') : ()));
  return if $ignores_term || $stopping || $exited;
  $stopping = 1;
  Time::HiRes::sleep(0.02);
  $exited = 1;
  journal(event => 'exit', code => \143);
  exit 143;
};
$SIG{INT} = sub {
  journal(event => 'signal', signal => 'SIGINT');
  $stopping = 1;
  print STDERR "\nERROR: Interrupted by user\n";
  $exited = 1;
  journal(event => 'exit', code => \1);
  exit 1;
};

# ---------------------------------------------------------------- paths, as Node's path module reads them

sub normalize {
  my ($path) = @_;
  my $absolute = $path =~ m{^/};
  my @parts;
  for my $part (split m{/+}, $path) {
    next if $part eq '' || $part eq '.';
    if ($part eq '..') {
      if (@parts && $parts[-1] ne '..') { pop @parts }
      elsif (!$absolute) { push @parts, '..' }
      next;
    }
    push @parts, $part;
  }
  my $joined = join('/', @parts);
  return $absolute ? "/$joined" : length $joined ? $joined : '.';
}

sub join_paths { return normalize(join('/', grep { length } @_)) }
sub dirname { my ($path) = @_; return $path =~ m{^(.*)/[^/]+/*\z}s ? (length $1 ? $1 : '/') : '.' }

my $cwd;
sub cwd {
  return $cwd if defined $cwd;
  my $pwd = $ENV{PWD};
  if (defined $pwd && $pwd =~ m{^/}) {
    my @here = stat('.');
    my @there = stat($pwd);
    return $cwd = $pwd if @here && @there && $here[0] == $there[0] && $here[1] == $there[1];
  }
  require Cwd;
  return $cwd = Cwd::getcwd();
}

sub resolve { my ($path) = @_; return $path =~ m{^/} ? normalize($path) : join_paths(cwd(), $path) }

sub make_path {
  my $made = '';
  for my $part (grep { length } split m{/}, resolve($_[0])) {
    $made .= "/$part";
    next if -d $made;
    mkdir $made or -d $made or die "cannot create $made: $!\n";
  }
}

# ---------------------------------------------------------------- options

my %FLAGS = (
  '--dump-json' => 'dumpJson', '-j' => 'dumpJson', '--newline' => 'newline', '--no-playlist' => undef, '--yes-playlist' => undef,
  '--no-warnings' => undef, '--no-color' => undef, '--restrict-filenames' => 'restrict', '--progress' => 'progress',
  '--no-progress' => 'noProgress', '--quiet' => 'quiet', '-q' => 'quiet', '--no-part' => 'noPart', '--no-mtime' => undef,
  '--no-cache-dir' => undef, '--ignore-config' => undef, '--no-config' => undef, '--force-overwrites' => 'force',
  '--no-overwrites' => undef, '-w' => undef, '--simulate' => 'simulate', '-s' => 'simulate', '--no-simulate' => 'noSimulate',
  '--version' => 'version', '--no-continue' => undef, '--continue' => undef, '-c' => undef,
);
my %VALUED = (
  '--format' => 'format', '-f' => 'format', '--output' => 'output', '-o' => 'output', '--merge-output-format' => 'mergeFormat',
  '--paths' => 'paths', '-P' => 'paths', '--remux-video' => 'remux', '--recode-video' => 'remux', '--socket-timeout' => undef,
  '--retries' => undef, '-R' => undef, '--fragment-retries' => undef, '--concurrent-fragments' => undef, '-N' => undef,
);
my %MERGE_FORMATS = map { $_ => 1 } qw(avi flv mkv mov mp4 webm);

# Options this yt-dlp is too old to know (FAKE_YTDLP_UNKNOWN_OPTIONS, comma-separated): it refuses them as yt-dlp does.
my %TOO_NEW = map { $_ => 1 } grep { length } split /,/, $ENV{FAKE_YTDLP_UNKNOWN_OPTIONS} // '';

sub usage_error { die { usage => $_[0] } }

sub parse_args {
  my (@argv) = @_;
  my %opts = (paths => [], output => [], urls => []);
  my $set = sub {
    my ($key, $value) = @_;
    return unless defined $key;
    if (ref $opts{$key} eq 'ARRAY') { push @{ $opts{$key} }, $value }
    else { $opts{$key} = $value }
  };
  for (my $i = 0; $i < @argv; $i++) {
    my $arg = $argv[$i];
    if ($arg eq '--') {
      push @{ $opts{urls} }, @argv[$i + 1 .. $#argv];
      last;
    }
    if ($arg !~ /^-/ || $arg eq '-') {
      push @{ $opts{urls} }, $arg;
      next;
    }
    if ($arg =~ /^--/) {
      my ($name, $inline) = $arg =~ /^([^=]*)=(.*)\z/s ? ($1, $2) : ($arg, undef);
      usage_error("no such option: $name") if $TOO_NEW{$name};
      if (exists $FLAGS{$name}) {
        usage_error("$name option does not take a value") if defined $inline;
        $set->($FLAGS{$name}, 1);
      } elsif (exists $VALUED{$name}) {
        my $value = $inline // $argv[++$i];
        usage_error("$name option requires 1 argument") unless defined $value;
        $set->($VALUED{$name}, $value);
      } else {
        usage_error("no such option: $name");
      }
      next;
    }
    # short options: -j, -qj, -f best, -fbest
    for my $c (1 .. length($arg) - 1) {
      my $name = '-' . substr($arg, $c, 1);
      if (exists $FLAGS{$name}) { $set->($FLAGS{$name}, 1) }
      elsif (exists $VALUED{$name}) {
        my $value = $c + 1 < length $arg ? substr($arg, $c + 1) : $argv[++$i];
        usage_error("$name option requires 1 argument") unless defined $value;
        $set->($VALUED{$name}, $value);
        last;
      } else {
        usage_error("no such option: $name");
      }
    }
  }
  if (defined $opts{mergeFormat}) {
    my ($first) = split m{/}, $opts{mergeFormat}, 2;
    usage_error("invalid merge output format \"$opts{mergeFormat}\" given") unless defined $first && $MERGE_FORMATS{$first};
    $opts{mergeFormat} = $first;
  }
  return \%opts;
}

# ---------------------------------------------------------------- URLs

my $ID = qr/^[A-Za-z0-9_-]{11}\z/;

sub query_value {
  my ($query, $wanted) = @_;
  for my $pair (split /&/, $query) {
    my ($name, $value) = map { my $text = $_ // ''; $text =~ tr/+/ /; $text =~ s/%([0-9A-Fa-f]{2})/chr hex $1/ge; $text } split /=/, $pair, 2;
    return $value // '' if $name eq $wanted;
  }
  return undef;
}

# { id } for a YouTube video, or { error, screen? } as yt-dlp would report it.
sub resolve_url {
  my ($url) = @_;
  return { id => $url } if $url =~ $ID;
  my $invalid = { error => "[generic] '$url' is not a valid URL" };
  my ($scheme, $rest) = $url =~ /^([A-Za-z][A-Za-z0-9+.-]*):(.*)\z/s or return $invalid;
  return $invalid unless lc($scheme) eq 'http' || lc($scheme) eq 'https';
  $rest =~ s{^[/\\]*}{};
  my ($authority, $tail) = $rest =~ m{^([^/\\?#]*)(.*)\z}s;
  $authority =~ s/^.*@//s;
  (my $host = lc $authority) =~ s/:\d*\z//;
  return $invalid if $host eq '' || $host =~ m{[\s<>^|%]};
  (my $path = $tail) =~ s/[?#].*\z//s;
  $path =~ tr{\\}{/};
  $path = '/' if $path eq '';
  my $query = $tail =~ /\?([^#]*)/ ? $1 : '';
  my $id;
  if ($host eq 'youtu.be' || $host eq 'www.youtu.be') { $id = (split m{/}, $path, -1)[1] }
  elsif ($host =~ /(?:^|\.)youtube(?:-nocookie)?\.com\z/) {
    $id = $path eq '/watch' ? query_value($query, 'v') : $path =~ m{^/(?:shorts|embed|live|v)/([^/]+)} ? $1 : undef;
  }
  return { error => "Unsupported URL: $url", screen => "[generic] Extracting URL: $url" } unless defined $id && length $id;
  return { error => "[youtube:truncated_id] $id: Incomplete YouTube ID $id. URL $url looks truncated." } unless $id =~ $ID;
  return { id => $id };
}

# ---------------------------------------------------------------- output formatting, as yt-dlp does it

sub floor_of { my ($x) = @_; my $whole = int $x; return $whole > $x ? $whole - 1 : $whole }
sub round_of { return floor_of($_[0] + 0.5) }

sub format_bytes {
  my ($bytes) = @_;
  return 'N/A' unless defined $bytes;
  my @units = ('', 'Ki', 'Mi', 'Gi', 'Ti');
  my $exponent = $bytes <= 0 ? 0 : floor_of(log($bytes) / log(1024));
  $exponent = $#units if $exponent > $#units;
  return sprintf('%.2f%sB', $bytes / 1024**$exponent, $units[$exponent]);
}
sub pad { my ($text, $width) = @_; return sprintf('%*s', $width, $text) }
sub format_speed { my ($speed) = @_; return defined $speed ? pad(format_bytes($speed), 10) . '/s' : ' Unknown B/s' }
sub format_seconds {
  my $s = floor_of($_[0]);
  return sprintf('%02d:%02d:%02d', floor_of($s / 3600), floor_of(($s % 3600) / 60), $s % 60);
}
sub format_eta { my ($seconds) = @_; return 'Unknown' unless defined $seconds; (my $text = format_seconds($seconds)) =~ s/^00://; return $text }
sub format_percent { return pad(sprintf('%.1f', $_[0]), 5) . '%' }

sub progress_line {
  my ($percent, $size, $speed) = @_;
  my $started = $percent > 0;
  my $eta = $started ? ((100 - $percent) / 100) * ($size / $speed) : undef;
  return sprintf('[download] %s of %s at %s ETA %s', format_percent($percent), pad(format_bytes($size), 10), format_speed($started ? $speed : undef), format_eta($eta));
}

sub finished_line {
  my ($size, $speed) = @_;
  my $elapsed = $size / $speed;
  return sprintf('[download] 100%% of %s in %s at %s/s', pad(format_bytes($size), 10), format_seconds($elapsed), format_bytes($size / $elapsed));
}

# ---------------------------------------------------------------- file names

sub utf8_of { my ($code) = @_; my $char = chr $code; utf8::encode($char); return $char }

sub sanitize {
  my ($text, $restrict) = @_;
  if ($restrict) {
    # the fixtures' fields are ASCII, so yt-dlp's NFKD step changes nothing here
    $text =~ s/:/_-/g;
    $text =~ s/[^A-Za-z0-9_.-]/_/g;
    $text =~ s/_+/_/g;
    $text =~ s/^_|_\z//g;
    return length $text ? $text : '_';
  }
  # yt-dlp swaps the characters a file name cannot hold for full-width look-alikes
  $text =~ s{([/\\"*:<>?|])}{utf8_of($1 eq '/' ? 0x29F8 : $1 eq '\\' ? 0x29F9 : ord($1) + 0xFEE0)}ge;
  return $text;
}

sub expand_template {
  my ($template, $fields, $restrict) = @_;
  $template =~ s{%%|%\(([A-Za-z0-9_]+)\)(?:\.(\d+))?([sdB])}{defined $1 ? template_field($fields->{$1}, $1, $2, $3, $restrict) : '%'}ge;
  return $template;
}

sub template_field {
  my ($raw, $name, $width, $kind, $restrict) = @_;
  return 'NA' unless defined $raw;
  return $raw =~ /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*\z/ ? int($raw) : 'NaN' if $kind eq 'd';
  my $text = $name eq 'id' ? $raw : sanitize($raw, $restrict);
  return $text unless defined $width;
  utf8::decode($text);
  $text = substr($text, 0, $width);
  utf8::encode($text);
  return $text;
}

my @OUTPUT_TYPES = qw(subtitle thumbnail description annotation infojson link pl_thumbnail pl_description pl_infojson chapter pl_video);

# -o and -P take "TYPE:VALUE" too; the media file uses the `default` (or untyped) one, the last given.
sub typed_value {
  my ($values, $type, @others) = @_;
  my %other = map { $_ => 1 } @others;
  my $chosen;
  for my $value (@{$values}) {
    if ($value =~ /^([A-Za-z0-9_]+):(.*)\z/s) {
      if ($1 eq $type) { $chosen = $2; next }
      next if $other{$1};
    }
    $chosen = $value;
  }
  return $chosen;
}

# The media file's path as yt-dlp prints it (relative to the working directory unless -o or -P is absolute).
sub output_path {
  my ($opts, $fields) = @_;
  my $template = typed_value($opts->{output}, 'default', @OUTPUT_TYPES) // '%(title)s [%(id)s].%(ext)s';
  my $home = typed_value($opts->{paths}, 'home', 'temp', @OUTPUT_TYPES);
  my $name = expand_template($template, $fields, $opts->{restrict});
  return defined $home && $name !~ m{^/} ? join_paths($home, $name) : $name;
}

sub with_format_suffix {
  my ($file, $format_id, $ext) = @_;
  my ($dir, $base) = $file =~ m{^(?:(.*)/)?([^/]*)\z}s;
  $base =~ s/(?<=.)\.[^.]*\z//s;
  return join_paths($dir // '', "$base.f$format_id.$ext");
}

# A small file that starts like the container it claims to be.
sub fake_media {
  my ($ext, $id, $bytes) = @_;
  my $head = $ext eq 'webm' || $ext eq 'mkv' ? "\x1a\x45\xdf\xa3" : "\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp42";
  my $word = "fake-yt-dlp $id ";
  my $need = $bytes - length $head;
  return $head . substr($word x (int($need / length $word) + 1), 0, $need);
}

# ---------------------------------------------------------------- the run

sub pause { my ($ms) = @_; Time::HiRes::sleep($ms / 1000) if $ms > 0 }
sub forever { Time::HiRes::sleep(3600) while 1 }

sub make_screen {
  my ($opts) = @_;
  my $quiet = $opts->{quiet} || $opts->{dumpJson};
  my $show_progress = !$opts->{noProgress} && (!$quiet || $opts->{progress});
  my $open = 0; # a \r progress line waiting for its end of line
  return {
    say => sub {
      return if $quiet;
      print "\n" if $open;
      $open = 0;
      print "$_[0]\n";
    },
    progress => sub {
      my ($line, $last) = @_;
      return unless $show_progress;
      if ($opts->{newline}) { print "$line\n" }
      else {
        print "\r$line";
        $open = !$last;
        print "\n" if $last;
      }
    },
    done => sub { print "[download] Download completed\n" if !$show_progress && !$quiet },
    error => sub {
      print "\n" if $open;
      $open = 0;
      print STDERR "ERROR: $_[0]\n";
    },
  };
}

sub formats_for {
  my ($v, $ext) = @_;
  if ($v->{audio}) { return $ext eq 'webm' ? [{ id => '248', ext => 'webm' }, { id => '251', ext => 'webm' }] : [{ id => '137', ext => 'mp4' }, { id => '140', ext => 'm4a' }] }
  return [{ id => $ext eq 'webm' ? '43' : '22', ext => $ext }];
}

sub base64url {
  my ($bytes) = @_;
  my $alphabet = join '', 'A' .. 'Z', 'a' .. 'z', 0 .. 9, '-', '_';
  my $bits = unpack('B*', $bytes);
  return join '', map { substr($alphabet, oct("0b" . substr("${_}00000", 0, 6)), 1) } $bits =~ /(.{1,6})/g;
}

# The --dump-json object (as an ordered list of fields) and its fields by name, for the output template.
sub info_json {
  my ($id, $url, $opts) = @_;
  my $v = video($id);
  my $ext = $opts->{remux} // $opts->{mergeFormat} // 'mp4';
  my $format_id = join '+', map { $_->{id} } @{ formats_for($v, $ext) };
  my $channel_id = 'UC' . substr(base64url($v->{uploader}) . ('x' x 22), 0, 22);
  (my $handle = $v->{uploader}) =~ s/[^A-Za-z0-9_]//g;
  $handle = "\@$handle";
  (my $duration_string = format_seconds($v->{duration})) =~ s/^00://;
  $duration_string =~ s/^0//;
  my @sizes = (['default', 120, 90], ['mqdefault', 320, 180], ['hqdefault', 480, 360], ['sddefault', 640, 480], ['maxresdefault', 1280, 720]);
  my $i = 0;
  my @thumbnails = map {
    my ($name, $width, $height) = @{$_};
    my $preference = $i - @sizes;
    obj(url => "https://i.ytimg.com/vi/$id/$name.jpg", preference => \$preference, id => '' . $i++, width => \$width, height => \$height, resolution => "${width}x$height");
  } @sizes;
  my $split = $v->{audio};
  my @info = (
    id => $id,
    title => $v->{title},
    fulltitle => $v->{title},
    description => "$v->{title}. A video the MediaNest suite made up; nothing here is real.",
    uploader => $v->{uploader},
    uploader_id => $handle,
    uploader_url => "https://www.youtube.com/$handle",
    channel => $v->{uploader},
    channel_id => $channel_id,
    channel_url => "https://www.youtube.com/channel/$channel_id",
    duration => \$v->{duration},
    duration_string => $duration_string,
    thumbnail => "https://i.ytimg.com/vi/$id/maxresdefault.jpg",
    thumbnails => \@thumbnails,
    upload_date => '20240315',
    timestamp => \1710500400,
    view_count => \1_204_331,
    like_count => \48_120,
    webpage_url => "https://www.youtube.com/watch?v=$id",
    original_url => $url,
    webpage_url_domain => 'youtube.com',
    extractor => 'youtube',
    extractor_key => 'Youtube',
    display_id => $id,
    _type => 'video',
    format_id => $format_id,
    ext => $ext,
    width => \($split ? 1920 : 1280),
    height => \($split ? 1080 : 720),
    resolution => $split ? '1920x1080' : '1280x720',
    fps => \30,
    vcodec => $ext eq 'webm' ? 'vp9' : 'avc1.640028',
    acodec => $ext eq 'webm' ? 'opus' : 'mp4a.40.2',
    filesize_approx => \round_of($v->{size} + ($split ? $split->{size} : 0)),
    epoch => \int(Time::HiRes::time()),
  );
  my %fields = @info;
  $_ = ref $_ eq 'SCALAR' ? ${$_} : $_ for values %fields;
  my $file = output_path($opts, \%fields);
  return ([@info, filename => $file, _filename => $file], $file);
}

sub write_file {
  my ($path, $mode, $bytes) = @_;
  open(my $out, $mode, $path) or die "cannot write $path: $!\n";
  binmode $out;
  print {$out} $bytes;
  close $out or die "cannot write $path: $!\n";
}

sub download {
  my ($id, $url, $opts, $screen) = @_;
  my $v = video($id);
  $screen->{say}->("[youtube] Extracting URL: $url");
  pause($STEP_MS);
  $screen->{say}->("[youtube] $id: Downloading webpage");
  if ($v->{unavailable}) {
    $screen->{error}->("[youtube] $id: Video unavailable");
    return 1;
  }
  pause($STEP_MS);
  $screen->{say}->("[youtube] $id: Downloading tv player API JSON");
  my ($info, $final) = info_json($id, $url, $opts);
  my %info = @{$info};
  my @formats = @{ formats_for($v, $info{ext}) };
  $screen->{say}->("[info] $id: Downloading 1 format(s): $info{format_id}");
  if (-e $final && !$opts->{force}) {
    $screen->{say}->("[download] $final has already been downloaded");
    journal(event => 'output', path => resolve($final), existing => \'true');
    return 0;
  }
  my @pieces = @formats == 1 ? ({ file => $final, %{ $formats[0] }, size => $v->{size}, percents => $v->{percents} }) : (
    { file => with_format_suffix($final, $formats[0]{id}, $formats[0]{ext}), %{ $formats[0] }, size => $v->{size}, percents => $v->{percents} },
    { file => with_format_suffix($final, $formats[1]{id}, $formats[1]{ext}), %{ $formats[1] }, size => $v->{audio}{size}, percents => $v->{audio}{percents} },
  );
  my $step = $STEP_MS * ($v->{pace} // 1);
  for my $piece (@pieces) {
    make_path(dirname(resolve($piece->{file})));
    my $content = fake_media($piece->{ext}, $id, $piece == $pieces[0] ? 4096 : 1024);
    my $writing = $opts->{noPart} ? $piece->{file} : "$piece->{file}.part";
    write_file($writing, '>', '');
    my $written = 0;
    pause($step);
    $screen->{say}->("[download] Destination: $piece->{file}") unless $v->{nameless};
    for my $percent (@{ $piece->{percents} }) {
      pause($step);
      my $up_to = floor_of(length($content) * $percent / 100);
      write_file($writing, '>>', substr($content, $written, $up_to - $written));
      $written = $up_to;
      $screen->{progress}->(progress_line($percent, $piece->{size}, $v->{speed}), 0);
    }
    if ($v->{fails}) {
      $screen->{error}->($v->{fails});
      return 1;
    }
    kill 'KILL', $$ if $v->{killed};
    return $v->{quits} if $v->{quits};
    forever() if $v->{stalls};
    rename $writing, $piece->{file} or die "cannot rename $writing: $!\n" unless $opts->{noPart};
    unlink $piece->{file} if $v->{vanishes}; # removed by something else the moment it was done
    pause($step);
    $screen->{progress}->(finished_line($piece->{size}, $v->{speed}), 1);
    $screen->{done}->();
  }
  if (@pieces > 1) {
    pause($step);
    $screen->{say}->("[Merger] Merging formats into \"$final\"");
    write_file($final, '>', fake_media($info{ext}, $id, 5120));
    for my $piece (@pieces) {
      $screen->{say}->("Deleting original file $piece->{file} (pass -k to keep)");
      unlink $piece->{file};
    }
  }
  journal(event => 'output', path => resolve($final));
  return 0;
}

sub main {
  my @argv = @ARGV;
  journal(event => 'start', argv => [@argv], cwd => cwd());
  my $opts = eval { parse_args(@argv) };
  if (!$opts) {
    die $@ unless ref $@ eq 'HASH';
    print STDERR "$USAGE\nyt-dlp: error: $@->{usage}\n";
    finish(2);
  }
  if ($opts->{version}) {
    print "$VERSION\n";
    finish(0);
  }
  if (!@{ $opts->{urls} }) {
    print STDERR "$USAGE\nyt-dlp: error: You must provide at least one URL.\nType yt-dlp --help to see a list of all options.\n";
    finish(2);
  }
  my $screen = make_screen($opts);
  my $simulate = $opts->{simulate} || ($opts->{dumpJson} && !$opts->{noSimulate});
  for my $url (@{ $opts->{urls} }) {
    my $target = resolve_url($url);
    if ($target->{error}) {
      $screen->{say}->($target->{screen}) if $target->{screen};
      $screen->{error}->($target->{error});
      finish(1);
    }
    my $v = video($target->{id});
    $ignores_term = $v->{ignoresTerm} ? 1 : 0;
    if ($opts->{dumpJson}) {
      if ($v->{unavailable}) {
        $screen->{error}->("[youtube] $target->{id}: Video unavailable");
        finish(1);
      }
      print json(obj(@{ (info_json($target->{id}, $url, $opts))[0] })), "\n" unless $v->{silent};
    }
    next if $simulate;
    my $code = download($target->{id}, $url, $opts, $screen);
    finish($code) if $code != 0;
  }
  finish(0);
}

sub step_ms {
  my ($value) = @_;
  return 10 unless defined $value && $value =~ /^\s*([+-]?\d+)/;
  my $ms = $1 + 0;
  return $ms >= 0 ? ($ms > 1000 ? 1000 : $ms) : 10;
}

sub ramp {
  my ($lines) = @_;
  return [map { round_of(1000 * $_ / $lines) / 10 } 0 .. $lines];
}

eval { main(); 1 } or do {
  print STDERR "ERROR: $@";
  finish(1);
};
